import { Clock } from '@pepite/api/database';
import { Role, UserDirectoryService } from '@pepite/api/identity';
import { ACKNOWLEDGEMENT_SWEEP_JOB, AcknowledgementDeadlines, PepinTriage } from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, PEPIN, sql, type PepinJson } from '../support/pepin-graphql';

const HOUR = 3_600_000;

describe('the acknowledgement promise: overdue pépins escalate, on a controllable clock', () => {
  let api: TestApi;
  let clock: Clock;
  let deadlines: AcknowledgementDeadlines;
  let reporter: TestUser;
  let teamManager: TestUser;
  let otherTeamManager: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    clock = api.app.get(Clock);
    deadlines = api.app.get(AcknowledgementDeadlines);
    const place = await api.world.newSite();
    const otherTeam = await api.app.get(UserDirectoryService).ensureTeam(place.site.id, 'Équipe Livraisons');
    reporter = await api.world.newUser(Role.OPERATOR, { site: place });
    teamManager = await api.world.newUser(Role.MANAGER, { site: place });
    otherTeamManager = await api.world.newUser(Role.MANAGER, { site: { site: place.site, team: otherTeam } });
    admin = await api.world.newUser(Role.ADMIN, { site: place });
  });
  afterAll(() => api.close());

  const kinds = async (user: TestUser) => (await notificationsOf(api, user)).map((notification) => notification.kind);
  // Sessions are judged by the same controllable clock: after moving it, the manager signs in again.
  const managerToken = () => api.world.login(teamManager.email, teamManager.password);
  const view = async (id: string) =>
    (await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id }, { token: await managerToken() })).pepin;

  it('keeps a durable schedule for the sweep in pg-boss', async () => {
    const rows = await sql<{ name: string; cron: string }>(
      api,
      'SELECT name, cron FROM pgboss.schedule WHERE name = $1',
      [ACKNOWLEDGEMENT_SWEEP_JOB],
    );
    expect(rows).toEqual([{ name: ACKNOWLEDGEMENT_SWEEP_JOB, cron: '* * * * *' }]);
  });

  it('is due ackSlaHours (72 by default) after filing and is not overdue before', async () => {
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    const shown = await view(pepin.id);
    expect(Date.parse(shown.ackDueAt) - Date.parse(shown.createdAt)).toBe(72 * HOUR);
    expect(shown.overdue).toBe(false);
    expect(await deadlines.sweep()).toBe(0);
  });

  it('tells the team’s managers and the reporter once late, then the site’s admins a day later, once each', async () => {
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    clock.advance(72 * HOUR + 5 * 60_000);
    expect((await view(pepin.id)).overdue).toBe(true);
    const overdue = await api.graphql.ok<{ pepins: { edges: { node: { id: string } }[] } }>(
      '{ pepins(filter: { overdue: true }, first: 50) { edges { node { id } } } }',
      {},
      { token: await managerToken() },
    );
    expect(overdue.pepins.edges.map((edge) => edge.node.id)).toContain(pepin.id);

    // Both this pépin and the one of the previous test are now late.
    expect(await deadlines.sweep()).toBe(2);
    expect(await deadlines.sweep()).toBe(0);
    expect((await kinds(teamManager)).filter((kind) => kind === 'PEPIN_ACK_OVERDUE')).toHaveLength(2);
    expect(await kinds(otherTeamManager)).toEqual([]);
    expect((await kinds(reporter)).filter((kind) => kind === 'PEPIN_ACK_LATE')).toHaveLength(2);
    expect(await kinds(admin)).toEqual([]);
    const history = (await view(pepin.id)).history.filter((line) => line.kind === 'ESCALATED');
    expect(history.map((line) => [line.actorRole, line.actor])).toEqual([['SYSTEM', null]]);

    clock.advance(25 * HOUR);
    expect(await deadlines.sweep()).toBe(2);
    expect(await deadlines.sweep()).toBe(0);
    expect((await kinds(admin)).filter((kind) => kind === 'PEPIN_ACK_OVERDUE_ADMIN')).toHaveLength(2);
    expect((await kinds(reporter)).filter((kind) => kind === 'PEPIN_ACK_LATE')).toHaveLength(2);
    expect((await view(pepin.id)).escalationLevel).toBe(2);

    clock.advance(500 * HOUR);
    expect(await deadlines.sweep()).toBe(0);
  });

  it('never escalates an acknowledged pépin, and the notice names nobody who filed it', async () => {
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    await api.app.get(PepinTriage).acknowledgePepin(authenticated(teamManager), pepin.id, null);
    clock.advance(200 * HOUR);
    expect(await deadlines.sweep()).toBe(0);
    for (const notification of await notificationsOf(api, teamManager)) {
      expect(JSON.stringify(notification)).not.toContain(reporter.displayName);
      expect(JSON.stringify(notification)).not.toContain(reporter.id);
    }
  });

  it('escalates each level once when sweeps run at the same time (two instances)', async () => {
    const pepins = await Promise.all([1, 2, 3].map(() => api.world.newPepin(reporter, { noRuleApplies: true })));
    clock.advance(73 * HOUR);
    const counts = await Promise.all([deadlines.sweep(), deadlines.sweep(), deadlines.sweep()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    for (const pepin of pepins) expect((await view(pepin.id)).escalationLevel).toBe(1);
  });
});
