import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi } from '@pepite/test-support';

const ME = '{ me { id email displayName role locale active } }';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role active } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken expiresAt user { id role displayName } } }`;

describe('identity: login, me, roles, admin mutations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('logs in with e-mail and password and returns a short-lived token for that user', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const data = await api.graphql.ok<{ login: { accessToken: string; expiresAt: string; user: { id: string; role: string } } }>(
      LOGIN,
      { email: `  ${operator.email.toUpperCase()} `, password: operator.password },
    );
    expect(data.login.user).toMatchObject({ id: operator.id, role: 'OPERATOR' });
    const ttlMinutes = (Date.parse(data.login.expiresAt) - Date.now()) / 60_000;
    expect(ttlMinutes).toBeGreaterThan(55);
    expect(ttlMinutes).toBeLessThanOrEqual(60);
    const me = await api.graphql.ok<{ me: { id: string; email: string } }>(ME, {}, { token: data.login.accessToken });
    expect(me.me).toMatchObject({ id: operator.id, email: operator.email, active: true });
  });

  it('gives one answer for a wrong password and an unknown account', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const wrongPassword = await api.graphql.request(LOGIN, { email: operator.email, password: 'not-the-password' });
    const unknown = await api.graphql.request(LOGIN, { email: 'nobody@test.pepite', password: 'not-the-password' });
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
    expect(wrongPassword.errors?.[0]?.message).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('answers in English when the browser asks for it', async () => {
    const response = await api.graphql.request(LOGIN, { email: 'nobody@test.pepite', password: 'x' }, { language: 'en-GB,en;q=0.9' });
    expect(response.errors?.[0]?.message).toBe('Wrong e-mail address or password.');
  });

  it('refuses me without a token (UNAUTHENTICATED) and with a forged one', async () => {
    expect(await api.graphql.errorCode(ME)).toBe('UNAUTHENTICATED');
    const operator = await api.world.newUser(Role.OPERATOR);
    const forged = `${operator.token.slice(0, -4)}AAAA`;
    expect(await api.graphql.errorCode(ME, {}, { token: forged })).toBe('UNAUTHENTICATED');
  });

  it.each([Role.OPERATOR, Role.MANAGER])('refuses the admin mutations to a %s (FORBIDDEN)', async (role) => {
    const caller = await api.world.newUser(role);
    const victim = await api.world.newUser(Role.OPERATOR);
    const input = { email: 'x@test.pepite', displayName: 'X Y', role: 'ADMIN', siteId: caller.siteId, password: 'long-enough-password' };
    expect(await api.graphql.errorCode(CREATE_USER, { input }, { token: caller.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(DEACTIVATE, { id: victim.id }, { token: caller.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode('{ users { id } }', {}, { token: caller.token })).toBe('FORBIDDEN');
  });

  it('lets an admin create an account that can then log in, and refuses a second one with the same e-mail', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const { site, team } = await api.world.newSite();
    const input = { email: 'Nadia.Kaci@test.pepite', displayName: 'Nadia Kaci', role: 'OPERATOR', siteId: site.id, teamId: team.id, password: 'a-long-enough-password', locale: 'en' };
    const created = await api.graphql.ok<{ createUser: { email: string; role: string } }>(CREATE_USER, { input }, { token: admin.token });
    expect(created.createUser).toMatchObject({ email: 'nadia.kaci@test.pepite', role: 'OPERATOR', active: true });
    await expect(api.world.login('nadia.kaci@test.pepite', 'a-long-enough-password')).resolves.toEqual(expect.any(String));
    expect(await api.graphql.errorCode(CREATE_USER, { input }, { token: admin.token })).toBe('CONFLICT');
  });

  it('explains invalid input field by field, in the caller’s language', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const input = { email: 'not-an-email', displayName: 'N', role: 'OPERATOR', siteId: admin.siteId, password: 'short' };
    const fr = await api.graphql.request(CREATE_USER, { input }, { token: admin.token });
    expect(fr.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fr.errors?.[0]?.message).toContain('« email » doit être une adresse e-mail valable');
    expect(fr.errors?.[0]?.message).toContain('« password » doit contenir au moins 12 caractères');
    expect(fr.errors?.[0]?.extensions?.['fields']).toEqual(
      expect.arrayContaining([{ field: 'email', constraint: 'isEmail' }, { field: 'password', constraint: 'minLength' }]),
    );
    const en = await api.graphql.request(CREATE_USER, { input }, { token: admin.token, language: 'en' });
    expect(en.errors?.[0]?.message).toContain('“password” must be at least 12 characters long');
  });

  it('requires a team for operators and refuses a team of another site', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const other = await api.world.newSite();
    const base = { email: 'team@test.pepite', displayName: 'Team Less', role: 'OPERATOR', siteId: admin.siteId, password: 'a-long-enough-password' };
    const noTeam = await api.graphql.request(CREATE_USER, { input: base }, { token: admin.token });
    expect(noTeam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'teamRequired' });
    const foreignTeam = await api.graphql.request(CREATE_USER, { input: { ...base, teamId: other.team.id } }, { token: admin.token });
    expect(foreignTeam.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'teamNotOnSite' });
  });

  it('deactivation revokes the user’s tokens at once and blocks login', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const operator = await api.world.newUser(Role.OPERATOR);
    await api.graphql.ok(ME, {}, { token: operator.token });
    const result = await api.graphql.ok<{ deactivateUser: { active: boolean } }>(DEACTIVATE, { id: operator.id }, { token: admin.token });
    expect(result.deactivateUser.active).toBe(false);
    expect(await api.graphql.errorCode(ME, {}, { token: operator.token })).toBe('UNAUTHENTICATED');
    expect(await api.graphql.errorCode(LOGIN, { email: operator.email, password: operator.password })).toBe('UNAUTHENTICATED');
  });

  it('does not let an admin deactivate their own account, and reports unknown ids as NOT_FOUND', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    expect(await api.graphql.errorCode(DEACTIVATE, { id: admin.id }, { token: admin.token })).toBe('CONFLICT');
    expect(await api.graphql.errorCode(DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }, { token: admin.token })).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(DEACTIVATE, { id: 'not-a-uuid' }, { token: admin.token })).toBe('NOT_FOUND');
  });

  it('lists users and sites with their teams to admins only', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const data = await api.graphql.ok<{ users: { id: string }[]; sites: { teams: { name: string }[] }[] }>(
      '{ users { id } sites { id name ackSlaHours teams { id name } } }',
      {},
      { token: admin.token },
    );
    expect(data.users.map((u) => u.id)).toContain(admin.id);
    expect(data.sites.find((s) => s.teams.length > 0)).toBeDefined();
  });
});

describe('identity: login rate limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_ADDRESS: '8', LOGIN_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => api.close());

  it('limits failures per account and address with RATE_LIMITED and Retry-After, even with the right password', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const address = { headers: { 'x-forwarded-for': '203.0.113.20' } };
    for (let i = 0; i < 3; i++) await api.graphql.request(LOGIN, { email: operator.email, password: 'wrong' }, address);
    const blocked = await api.graphql.request(LOGIN, { email: operator.email, password: operator.password }, address);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.errors?.[0]?.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ secondes?\.$/);
  });

  it('counts aliased login attempts inside one request one by one against the address', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: login(email: $email, password: $password) { accessToken }`);
    const response = await api.graphql.request(
      `mutation($email: String!, $password: String!) { ${aliases.join('\n')} }`,
      { email: operator.email, password: operator.password },
      { headers: { 'x-forwarded-for': '203.0.113.21' } },
    );
    // Eight attempts per address: the 9th is over the limit and stops the mutation.
    expect(response.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([['a8', 'RATE_LIMITED']]);
  });

  it('limits attempts per client address across accounts', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await api.graphql.request(LOGIN, { email: `spray${i}@test.pepite`, password: 'guess' }, { headers: { 'x-forwarded-for': '203.0.113.22' } });
      codes.push(response.errors?.[0]?.extensions?.code);
    }
    expect(codes).toContain('RATE_LIMITED');
    expect(codes.slice(-1)).toEqual(['RATE_LIMITED']);
  });
});
