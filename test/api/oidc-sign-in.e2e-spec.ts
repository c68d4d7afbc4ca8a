import { DataSource } from 'typeorm';
import { freePort } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import {
  beginOidcSignIn,
  CookieJar,
  finishOidcSignIn,
  sessionPost,
  startTestApi,
  throughProviderPages,
  type TestApi,
  type TestUser,
} from '@pepite/test-support';
// Imported on its own: loading oidc-provider prints its Node 20 warning, which other test files need not show.
import { oidcSettings, startOidcTestProvider, type OidcTestProvider } from '../support/oidc-test-provider';

const SET_MAPPING = `mutation($input: SetIdentityGroupMappingInput!) {
  setIdentityGroupMapping(input: $input) { id group role siteId teamId }
}`;
const REMOVE_MAPPING = 'mutation($id: ID!) { removeIdentityGroupMapping(id: $id) { id group } }';
const ME = '{ me { id email role siteId teamId active } }';

describe('OpenID Connect sign-in against a real provider (oidc-provider on 127.0.0.1)', () => {
  let provider: OidcTestProvider;
  let api: TestApi;
  let db: DataSource;
  let admin: TestUser;
  let callbackPrefix: string;
  let place: Awaited<ReturnType<TestApi['world']['newSite']>>;
  let subjects = 0;

  beforeAll(async () => {
    const apiPort = await freePort();
    callbackPrefix = `http://127.0.0.1:${apiPort}/auth/oidc/callback`;
    provider = await startOidcTestProvider(callbackPrefix);
    api = await startTestApi(oidcSettings(provider, apiPort));
    db = api.app.get(DataSource);
    admin = await api.world.newUser(Role.ADMIN);
    place = await api.world.newSite();
    await api.graphql.ok(SET_MAPPING, { input: { group: 'cc-operators', role: 'OPERATOR', siteId: place.site.id, teamId: place.team.id } }, { token: admin.token });
    await api.graphql.ok(SET_MAPPING, { input: { group: 'cc-leads', role: 'MANAGER', siteId: place.site.id, teamId: place.team.id } }, { token: admin.token });
  });
  afterAll(async () => {
    await api.close();
    await provider.close();
  });
  afterEach(() => provider.tamper(null));

  function newPerson(groups: string[], email?: string): string {
    const subject = `person-${++subjects}-${Date.now()}`;
    provider.accounts.set(subject, { email: email ?? `${subject}@centre.example`, name: `Personne ${subjects}`, groups });
    return subject;
  }

  /** The whole round trip as a browser makes it; `alter` changes the authorization URL before the provider sees it. */
  async function signIn(subject: string, options: { returnTo?: string; alter?: (url: URL) => void; jar?: CookieJar } = {}) {
    const jar = options.jar ?? new CookieJar();
    const authorizationUrl = await beginOidcSignIn(api.baseUrl, jar, options.returnTo ?? '/');
    options.alter?.(authorizationUrl);
    const callback = await throughProviderPages(jar, authorizationUrl, subject, callbackPrefix);
    return { jar, callback, answer: await finishOidcSignIn(jar, callback), state: authorizationUrl.searchParams.get('state') ?? '' };
  }

  async function accessTokenFrom(cookie: string | undefined): Promise<string> {
    const renewed = await sessionPost<{ accessToken: string }>(api.baseUrl, 'refresh', cookie ?? null);
    expect(renewed.status).toBe(200);
    return renewed.body.accessToken;
  }

  async function refusalAudit(reason: string): Promise<number> {
    const [row]: { count: string }[] = await db.query(
      `SELECT count(*) FROM audit_entry WHERE action = 'OIDC_SIGN_IN_REFUSED' AND details->>'reason' = $1`,
      [reason],
    );
    return Number(row?.count ?? 0);
  }

  async function userOfSubject(subject: string): Promise<{ id: string; active: boolean } | undefined> {
    const rows: { id: string; active: boolean }[] = await db.query(
      'SELECT u.id, u.active FROM app_user u JOIN external_identity i ON i.user_id = u.id WHERE i.issuer = $1 AND i.subject = $2',
      [provider.issuer, subject],
    );
    return rows[0];
  }

  it('tells the sign-in pages that the provider is there, by its name', async () => {
    const response = await fetch(`${api.baseUrl}/auth/options`);
    expect(await response.json()).toEqual({ passwordLogin: true, oidc: { name: 'Fournisseur de test' } });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce', async () => {
    const url = await beginOidcSignIn(api.baseUrl, new CookieJar());
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(callbackPrefix);
  });

  it('creates the account at the first sign-in, keyed on (issuer, subject), placed by the mapped group; no provider token reaches the browser', async () => {
    const subject = newPerson(['cc-operators', 'unrelated']);
    const { answer } = await signIn(subject, { returnTo: '/operator?tab=mine' });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe('/operator?tab=mine');
    expect(answer.sessionCookie).toBeTruthy();
    // Only Pépite's own cookie: neither the provider's tokens nor its code in the answer.
    expect(answer.body).not.toMatch(/eyJ/);
    const token = await accessTokenFrom(answer.sessionCookie);
    const me = (await api.graphql.ok<{ me: { id: string; role: string; siteId: string; teamId: string; email: string } }>(ME, {}, { token })).me;
    expect(me).toMatchObject({ role: 'OPERATOR', siteId: place.site.id, teamId: place.team.id, email: `${subject}@centre.example` });
    expect((await userOfSubject(subject))?.id).toBe(me.id);
    const [audit]: { count: string }[] = await db.query(`SELECT count(*) FROM audit_entry WHERE action = 'USER_PROVISIONED' AND subject_id = $1`, [me.id]);
    expect(audit?.count).toBe('1');

    // The provider changes the address and the person joins the leads: same account, now a manager.
    provider.accounts.set(subject, { email: `renamed-${subject}@centre.example`, groups: ['cc-operators', 'cc-leads'] });
    const again = await signIn(subject);
    const meAgain = (await api.graphql.ok<{ me: { id: string; role: string } }>(ME, {}, { token: await accessTokenFrom(again.answer.sessionCookie) })).me;
    expect(meAgain).toMatchObject({ id: me.id, role: 'MANAGER' });
  });

  it('never redirects off the site after the sign-in', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const { answer } = await signIn(newPerson(['cc-operators']), { returnTo });
      expect(answer.status).toBe(302);
      expect(answer.location).toBe('/');
    }
  });

  it('refuses a wrong state, and a callback in a browser that did not begin the sign-in', async () => {
    const subject = newPerson(['cc-operators']);
    const jar = new CookieJar();
    const url = await beginOidcSignIn(api.baseUrl, jar);
    const callback = await throughProviderPages(jar, url, subject, callbackPrefix);
    const before = await refusalAudit('state');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    const wrongState = await finishOidcSignIn(jar, forged);
    expect(wrongState.status).toBe(400);
    expect(wrongState.body).toContain('data-reason="state"');
    expect(wrongState.body).toContain('Connexion refusée');
    expect(wrongState.body).toContain('Sign-in refused');
    expect(wrongState.sessionCookie).toBeUndefined();
    // The genuine callback, from another browser (no attempt cookie): login CSRF.
    const otherBrowser = await finishOidcSignIn(new CookieJar(), callback);
    expect(otherBrowser.status).toBe(400);
    expect(await refusalAudit('state')).toBe(before + 2);
  });

  it('refuses a replayed callback, and a replayed code under a fresh state', async () => {
    const subject = newPerson(['cc-operators']);
    const first = await signIn(subject);
    expect(first.answer.status).toBe(302);
    // The same callback again: its state was consumed.
    const replay = await finishOidcSignIn(first.jar, first.callback);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('data-reason="state"');
    // The old code with the state of a new sign-in in the same browser: the provider refuses the code.
    const jar = first.jar;
    const fresh = await beginOidcSignIn(api.baseUrl, jar);
    const replayedCode = new URL(first.callback);
    replayedCode.searchParams.set('state', fresh.searchParams.get('state') ?? '');
    const before = await refusalAudit('code');
    const answer = await finishOidcSignIn(jar, replayedCode);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('data-reason="code"');
    expect(answer.sessionCookie).toBeUndefined();
    expect(await refusalAudit('code')).toBe(before + 1);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const before = await refusalAudit('nonce');
    const { answer } = await signIn(newPerson(['cc-operators']), { alter: (url) => url.searchParams.set('nonce', 'someone-elses-nonce') });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('data-reason="nonce"');
    expect(answer.sessionCookie).toBeUndefined();
    expect(await refusalAudit('nonce')).toBe(before + 1);
  });

  it.each([
    ['audience', { aud: 'another-application' }],
    ['expired', { expiredSecondsAgo: 600 }],
    ['issuer', { iss: 'https://another-issuer.example' }],
  ] as const)('refuses an ID token signed by the provider but refused for its %s', async (reason, tampering) => {
    const subject = newPerson(['cc-operators']);
    provider.tamper(tampering);
    const before = await refusalAudit(reason);
    const { answer } = await signIn(subject);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain(`data-reason="${reason}"`);
    expect(answer.sessionCookie).toBeUndefined();
    expect(await userOfSubject(subject)).toBeUndefined();
    expect(await refusalAudit(reason)).toBe(before + 1);
  });

  it('refuses a person whose groups map to nothing, with a clear page, and creates no account', async () => {
    const subject = newPerson(['marketing']);
    const before = await refusalAudit('unmapped');
    const { answer } = await signIn(subject);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('ne donnent accès à aucun rôle dans Pépite');
    expect(answer.body).toContain('give you no role in Pépite');
    expect(await userOfSubject(subject)).toBeUndefined();
    expect(await refusalAudit('unmapped')).toBe(before + 1);
  });

  it('refuses and deactivates a person removed from their group at the provider, and ends their sessions', async () => {
    const subject = newPerson(['cc-operators']);
    const first = await signIn(subject);
    const user = await userOfSubject(subject);
    expect(user?.active).toBe(true);
    provider.accounts.set(subject, { groups: [] });
    const { answer } = await signIn(subject);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('data-reason="unmapped"');
    expect((await userOfSubject(subject))?.active).toBe(false);
    expect((await sessionPost(api.baseUrl, 'refresh', first.answer.sessionCookie ?? null)).status).toBe(401);
    const [audit]: { count: string }[] = await db.query(
      `SELECT count(*) FROM audit_entry WHERE action = 'USER_DEACTIVATED_UNMAPPED' AND subject_id = $1`,
      [user?.id],
    );
    expect(audit?.count).toBe('1');
    // Back in the group: still refused, as deactivated, until an admin reactivates the account.
    provider.accounts.set(subject, { groups: ['cc-operators'] });
    expect((await signIn(subject)).answer.body).toContain('data-reason="deactivated"');
  });

  it('applies a mapping change at the next refresh: a new role, and a removed mapping ends the session', async () => {
    const mapping = await api.graphql.ok<{ setIdentityGroupMapping: { id: string } }>(
      SET_MAPPING,
      { input: { group: 'cc-night', role: 'OPERATOR', siteId: place.site.id, teamId: place.team.id } },
      { token: admin.token },
    );
    const subject = newPerson(['cc-night']);
    const { answer } = await signIn(subject);
    let cookie = answer.sessionCookie ?? null;
    await api.graphql.ok(SET_MAPPING, { input: { group: 'cc-night', role: 'MANAGER', siteId: place.site.id, teamId: place.team.id } }, { token: admin.token });
    const renewed = await sessionPost<{ accessToken: string }>(api.baseUrl, 'refresh', cookie);
    cookie = renewed.cookie ?? null;
    expect((await api.graphql.ok<{ me: { role: string } }>(ME, {}, { token: renewed.body.accessToken })).me.role).toBe('MANAGER');
    await api.graphql.ok(REMOVE_MAPPING, { id: mapping.setIdentityGroupMapping.id }, { token: admin.token });
    expect((await sessionPost(api.baseUrl, 'refresh', cookie)).status).toBe(401);
    expect((await userOfSubject(subject))?.active).toBe(false);
  });

  it('never joins an existing account by e-mail alone; an admin links it once', async () => {
    const existing = await api.world.newUser(Role.OPERATOR);
    const subject = newPerson(['cc-operators'], existing.email);
    const refused = await signIn(subject);
    expect(refused.answer.status).toBe(403);
    expect(refused.answer.body).toContain('data-reason="email_taken"');
    const LINK = 'mutation($userId: ID!, $subject: String!) { linkExternalIdentity(userId: $userId, subject: $subject) { id } }';
    expect(await api.graphql.errorCode(LINK, { userId: existing.id, subject }, { token: existing.token })).toBe('FORBIDDEN');
    await api.graphql.ok(LINK, { userId: existing.id, subject }, { token: admin.token });
    const linked = await signIn(subject);
    const me = (await api.graphql.ok<{ me: { id: string } }>(ME, {}, { token: await accessTokenFrom(linked.answer.sessionCookie) })).me;
    expect(me.id).toBe(existing.id);
    expect(await api.graphql.errorCode(LINK, { userId: existing.id, subject: 'another' }, { token: admin.token })).toBe('CONFLICT');
    const [audit]: { count: string }[] = await db.query(`SELECT count(*) FROM audit_entry WHERE action = 'IDENTITY_LINKED' AND subject_id = $1`, [
      existing.id,
    ]);
    expect(audit?.count).toBe('1');
  });
});
