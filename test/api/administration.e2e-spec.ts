import { Role, type SiteEntity, type TeamEntity } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { FILE_PEPIN, PEPIN, type PepinJson } from '../support/pepin-graphql';

const SITE_FIELDS = 'id name timeZone ackSlaHours teams { id siteId name }';
const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { ${SITE_FIELDS} } }`;
const UPDATE_SITE = `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { ${SITE_FIELDS} } }`;
const CREATE_TEAM = `mutation($siteId: ID!, $name: String!) { createTeam(siteId: $siteId, name: $name) { id siteId name } }`;
const RENAME_TEAM = `mutation($id: ID!, $name: String!) { renameTeam(id: $id, name: $name) { id siteId name } }`;
const USER_FIELDS = 'id displayName role siteId teamId locale active';
const UPDATE_USER = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;
const ME = '{ me { id role siteId teamId } }';

interface SiteJson { id: string; name: string; timeZone: string; ackSlaHours: number; teams: { id: string; siteId: string; name: string }[] }
interface TeamJson { id: string; siteId: string; name: string }
interface UserJson { id: string; displayName: string; role: string; siteId: string; teamId: string | null; locale: string; active: boolean }

const NOBODY = '00000000-0000-4000-8000-000000000000';
let counter = 0;
const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${++counter}`;

describe('administration: sites, teams, settings and accounts', () => {
  let api: TestApi;
  let admin: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.world.newUser(Role.ADMIN);
  });
  afterAll(() => api.close());

  const asAdmin = <T>(query: string, variables: Record<string, unknown>) => api.graphql.ok<T>(query, variables, { token: admin.token });
  const createSite = async (input: Record<string, unknown> = {}) =>
    (await asAdmin<{ createSite: SiteJson }>(CREATE_SITE, { input: { name: uniqueName('Site'), timeZone: 'Europe/Paris', ...input } })).createSite;
  const createTeam = async (siteId: string, name = uniqueName('Équipe')) =>
    (await asAdmin<{ createTeam: TeamJson }>(CREATE_TEAM, { siteId, name })).createTeam;

  describe('access', () => {
    it.each([Role.OPERATOR, Role.MANAGER])('refuses every administration mutation to a %s (FORBIDDEN)', async (role) => {
      const caller = await api.world.newUser(role);
      const site = await createSite();
      const team = await createTeam(site.id);
      const victim = await api.world.newUser(Role.OPERATOR);
      const calls: [string, Record<string, unknown>][] = [
        [CREATE_SITE, { input: { name: uniqueName('Site'), timeZone: 'Europe/Paris', ackSlaHours: 24 } }],
        [UPDATE_SITE, { id: site.id, input: { ackSlaHours: 1 } }],
        [CREATE_TEAM, { siteId: site.id, name: uniqueName('Équipe') }],
        [RENAME_TEAM, { id: team.id, name: uniqueName('Équipe') }],
        [UPDATE_USER, { id: caller.id, input: { role: 'ADMIN' } }],
        [UPDATE_USER, { id: victim.id, input: { locale: 'en' } }],
        [REACTIVATE, { id: victim.id }],
      ];
      for (const [query, variables] of calls) {
        expect(await api.graphql.errorCode(query, variables, { token: caller.token })).toBe('FORBIDDEN');
      }
      const me = await api.graphql.ok<{ me: { role: string } }>(ME, {}, { token: caller.token });
      expect(me.me.role).toBe(role);
    });

    it('refuses every administration mutation to an anonymous caller (UNAUTHENTICATED)', async () => {
      const site = await createSite();
      const team = await createTeam(site.id);
      const calls: [string, Record<string, unknown>][] = [
        [CREATE_SITE, { input: { name: uniqueName('Site'), timeZone: 'Europe/Paris' } }],
        [UPDATE_SITE, { id: site.id, input: { ackSlaHours: 1 } }],
        [CREATE_TEAM, { siteId: site.id, name: uniqueName('Équipe') }],
        [RENAME_TEAM, { id: team.id, name: uniqueName('Équipe') }],
        [UPDATE_USER, { id: admin.id, input: { locale: 'en' } }],
        [REACTIVATE, { id: admin.id }],
      ];
      for (const [query, variables] of calls) expect(await api.graphql.errorCode(query, variables)).toBe('UNAUTHENTICATED');
    });
  });

  describe('sites', () => {
    it('creates a site with its canonical time zone and the 72-hour promise by default, then lists it with its teams', async () => {
      const name = uniqueName('Lisbonne');
      const site = await createSite({ name: `  ${name} `, timeZone: 'europe/lisbon' });
      expect(site).toMatchObject({ name, timeZone: 'Europe/Lisbon', ackSlaHours: 72, teams: [] });
      const team = await createTeam(site.id, 'Recouvrement');
      const data = await asAdmin<{ sites: SiteJson[] }>(`{ sites { ${SITE_FIELDS} } }`, {});
      expect(data.sites.find((s) => s.id === site.id)?.teams).toEqual([{ id: team.id, siteId: site.id, name: 'Recouvrement' }]);
    });

    it('changes only the settings given', async () => {
      const site = await createSite({ ackSlaHours: 48 });
      const renamed = uniqueName('Porto');
      const updated = (await asAdmin<{ updateSite: SiteJson }>(UPDATE_SITE, { id: site.id, input: { name: renamed } })).updateSite;
      expect(updated).toMatchObject({ name: renamed, timeZone: 'Europe/Paris', ackSlaHours: 48 });
      const again = (await asAdmin<{ updateSite: SiteJson }>(UPDATE_SITE, { id: site.id, input: { timeZone: 'Europe/Berlin', ackSlaHours: 720 } })).updateSite;
      expect(again).toMatchObject({ name: renamed, timeZone: 'Europe/Berlin', ackSlaHours: 720 });
    });

    it('refuses an unknown time zone, in the caller’s language', async () => {
      const fr = await api.graphql.request(CREATE_SITE, { input: { name: uniqueName('Site'), timeZone: 'Europe/Atlantis' } }, { token: admin.token });
      expect(fr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalidTimeZone' });
      expect(fr.errors?.[0]?.message).toBe('« Europe/Atlantis » n’est pas un fuseau horaire IANA connu (par exemple Europe/Paris).');
      const site = await createSite();
      const en = await api.graphql.request(UPDATE_SITE, { id: site.id, input: { timeZone: '+01:00' } }, { token: admin.token, language: 'en' });
      expect(en.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalidTimeZone' });
      expect(en.errors?.[0]?.message).toBe('“+01:00” is not a known IANA time zone (for example Europe/Paris).');
    });

    it.each([0, 721, -5])('refuses an acknowledgement delay of %i hours (1 to 720)', async (hours) => {
      const site = await createSite();
      const create = await api.graphql.request(CREATE_SITE, { input: { name: uniqueName('Site'), timeZone: 'Europe/Paris', ackSlaHours: hours } }, { token: admin.token });
      expect(create.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const update = await api.graphql.request(UPDATE_SITE, { id: site.id, input: { ackSlaHours: hours } }, { token: admin.token });
      expect(update.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(update.errors?.[0]?.message).toMatch(/« ackSlaHours » doit valoir au (moins 1|plus 720)/);
    });

    it('refuses a second site with the same name (CONFLICT), a blank name, and an unknown site (NOT_FOUND)', async () => {
      const site = await createSite();
      const duplicate = await api.graphql.request(CREATE_SITE, { input: { name: site.name.toUpperCase(), timeZone: 'Europe/Paris' } }, { token: admin.token });
      expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'siteNameTaken' });
      const other = await createSite();
      expect(await api.graphql.errorCode(UPDATE_SITE, { id: other.id, input: { name: site.name } }, { token: admin.token })).toBe('CONFLICT');
      const blank = await api.graphql.request(UPDATE_SITE, { id: other.id, input: { name: '   ' } }, { token: admin.token });
      expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'nameRequired' });
      expect(await api.graphql.errorCode(UPDATE_SITE, { id: NOBODY, input: { ackSlaHours: 5 } }, { token: admin.token })).toBe('NOT_FOUND');
    });

    it('applies a new acknowledgement delay to pépins filed afterwards, not to those already filed', async () => {
      const site = await createSite({ ackSlaHours: 72 });
      const team = await createTeam(site.id);
      const place = await placeOf(api, site.id, team.id);
      const operator = await api.world.newUser(Role.OPERATOR, { site: place });
      const file = async (title: string) =>
        (await api.graphql.ok<{ filePepin: PepinJson }>(FILE_PEPIN, {
          input: { title, description: 'Le client voulait être remboursé en deux fois, la règle ne le prévoit pas.' },
        }, { token: operator.token })).filePepin;
      const hoursToAck = (p: PepinJson) => (Date.parse(p.ackDueAt) - Date.parse(p.createdAt)) / 3_600_000;

      const before = await file('Remboursement en deux fois');
      expect(hoursToAck(before)).toBeCloseTo(72, 3);
      await asAdmin(UPDATE_SITE, { id: site.id, input: { ackSlaHours: 24 } });
      const after = await file('Avoir refusé au téléphone');
      expect(hoursToAck(after)).toBeCloseTo(24, 3);

      const manager = await api.world.newUser(Role.MANAGER, { site: place });
      const reread = await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id: before.id }, { token: manager.token });
      expect(reread.pepin.ackDueAt).toBe(before.ackDueAt);
    });
  });

  describe('teams', () => {
    it('adds and renames teams, with names unique per site (CONFLICT) but free across sites', async () => {
      const site = await createSite();
      const other = await createSite();
      const support = await createTeam(site.id, 'Support');
      await createTeam(other.id, 'Support');
      const billing = await createTeam(site.id, 'Facturation');
      const duplicate = await api.graphql.request(CREATE_TEAM, { siteId: site.id, name: ' Support ' }, { token: admin.token });
      expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'teamNameTaken' });
      expect(duplicate.errors?.[0]?.message).toBe('Ce site a déjà une équipe « Support ».');
      expect(await api.graphql.errorCode(RENAME_TEAM, { id: billing.id, name: 'Support' }, { token: admin.token })).toBe('CONFLICT');
      const renamed = (await asAdmin<{ renameTeam: TeamJson }>(RENAME_TEAM, { id: support.id, name: 'Support client' })).renameTeam;
      expect(renamed).toEqual({ id: support.id, siteId: site.id, name: 'Support client' });
      const data = await asAdmin<{ sites: SiteJson[] }>(`{ sites { ${SITE_FIELDS} } }`, {});
      expect(data.sites.find((s) => s.id === site.id)?.teams.map((t) => t.name)).toEqual(['Facturation', 'Support client']);
    });

    it('reports an unknown site or team as NOT_FOUND and a blank name as BAD_USER_INPUT', async () => {
      expect(await api.graphql.errorCode(CREATE_TEAM, { siteId: NOBODY, name: 'Support' }, { token: admin.token })).toBe('NOT_FOUND');
      expect(await api.graphql.errorCode(RENAME_TEAM, { id: NOBODY, name: 'Support' }, { token: admin.token })).toBe('NOT_FOUND');
      const site = await createSite();
      expect(await api.graphql.errorCode(CREATE_TEAM, { siteId: site.id, name: '  ' }, { token: admin.token })).toBe('BAD_USER_INPUT');
    });
  });

  describe('accounts', () => {
    it('moves a user to another site and team, changes role, name and language, and the new role applies at once', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      const site = await createSite();
      const team = await createTeam(site.id);
      const updated = (await asAdmin<{ updateUser: UserJson }>(UPDATE_USER, {
        id: operator.id,
        input: { displayName: ' Inès Moreau ', role: 'MANAGER', siteId: site.id, teamId: team.id, locale: 'en' },
      })).updateUser;
      expect(updated).toEqual({ id: operator.id, displayName: 'Inès Moreau', role: 'MANAGER', siteId: site.id, teamId: team.id, locale: 'en', active: true });
      const me = await api.graphql.ok<{ me: { role: string; siteId: string } }>(ME, {}, { token: operator.token });
      expect(me.me).toMatchObject({ role: 'MANAGER', siteId: site.id });
      const users = await asAdmin<{ users: UserJson[] }>(`{ users { ${USER_FIELDS} } }`, {});
      expect(users.users.find((u) => u.id === operator.id)).toEqual(updated);
    });

    it('refuses a team of another site, a move without a team, and an operator without a team', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      const other = await createSite();
      const otherTeam = await createTeam(other.id);
      const foreign = await api.graphql.request(UPDATE_USER, { id: operator.id, input: { teamId: otherTeam.id } }, { token: admin.token });
      expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'teamNotOnSite' });
      const moveOnly = await api.graphql.request(UPDATE_USER, { id: operator.id, input: { siteId: other.id } }, { token: admin.token });
      expect(moveOnly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'teamNotOnSite' });
      const noTeam = await api.graphql.request(UPDATE_USER, { id: operator.id, input: { teamId: null } }, { token: admin.token });
      expect(noTeam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'teamRequired' });
      expect(await api.graphql.errorCode(UPDATE_USER, { id: operator.id, input: { siteId: NOBODY, teamId: otherTeam.id } }, { token: admin.token })).toBe('NOT_FOUND');
      const unchanged = await asAdmin<{ users: UserJson[] }>(`{ users { ${USER_FIELDS} } }`, {});
      expect(unchanged.users.find((u) => u.id === operator.id)).toMatchObject({ siteId: operator.siteId, teamId: operator.teamId });
    });

    it('does not let an admin demote themself, with a clear message, but lets another admin do it', async () => {
      const self = await api.world.newUser(Role.ADMIN);
      const refused = await api.graphql.request(UPDATE_USER, { id: self.id, input: { role: 'MANAGER', teamId: self.teamId } }, { token: self.token });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'cannotDemoteSelf' });
      expect(refused.errors?.[0]?.message).toBe('Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.');
      expect(await api.graphql.errorCode(DEACTIVATE, { id: self.id }, { token: self.token })).toBe('CONFLICT');
      const own = (await api.graphql.ok<{ updateUser: UserJson }>(UPDATE_USER, { id: self.id, input: { locale: 'en', role: 'ADMIN' } }, { token: self.token })).updateUser;
      expect(own).toMatchObject({ role: 'ADMIN', locale: 'en' });

      const team = (await api.world.directory.listTeams(self.siteId))[0];
      const demoted = (await asAdmin<{ updateUser: UserJson }>(UPDATE_USER, { id: self.id, input: { role: 'MANAGER', teamId: team?.id } })).updateUser;
      expect(demoted).toMatchObject({ role: 'MANAGER', teamId: team?.id });
      expect(await api.graphql.errorCode('{ users { id } }', {}, { token: self.token })).toBe('FORBIDDEN');
    });

    it('reactivates a deactivated account, which can then sign in again', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      await asAdmin(DEACTIVATE, { id: operator.id });
      await expect(api.world.login(operator.email, operator.password)).rejects.toThrow(/UNAUTHENTICATED/);
      const reactivated = (await asAdmin<{ reactivateUser: UserJson }>(REACTIVATE, { id: operator.id })).reactivateUser;
      expect(reactivated.active).toBe(true);
      const token = await api.world.login(operator.email, operator.password);
      const me = await api.graphql.ok<{ me: { id: string } }>(ME, {}, { token });
      expect(me.me.id).toBe(operator.id);
      // Reactivating an active account changes nothing.
      expect((await asAdmin<{ reactivateUser: UserJson }>(REACTIVATE, { id: operator.id })).reactivateUser.active).toBe(true);
      expect(await api.graphql.errorCode(REACTIVATE, { id: NOBODY }, { token: admin.token })).toBe('NOT_FOUND');
      expect(await api.graphql.errorCode(UPDATE_USER, { id: 'not-a-uuid', input: { locale: 'en' } }, { token: admin.token })).toBe('NOT_FOUND');
    });
  });
});

/** The site and team as the test world's factories take them. */
async function placeOf(api: TestApi, siteId: string, teamId: string): Promise<{ site: SiteEntity; team: TeamEntity }> {
  const site = await api.world.directory.getSite(siteId);
  const team = (await api.world.directory.listTeams(siteId)).find((t) => t.id === teamId);
  if (!site || !team) throw new Error('site or team missing');
  return { site, team };
}
