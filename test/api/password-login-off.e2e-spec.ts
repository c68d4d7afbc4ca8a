import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi } from '@pepite/test-support';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

describe('PASSWORD_LOGIN=off: only the break-glass admins keep their password', () => {
  let api: TestApi;
  const breakGlass = 'secours@centre.example';
  beforeAll(async () => {
    api = await startTestApi({
      PASSWORD_LOGIN: 'off',
      PASSWORD_BREAK_GLASS_ADMINS: ` ${breakGlass.toUpperCase()} ,other@centre.example`,
      // A provider nobody answers at: the API still starts, and its sign-in says so clearly.
      OIDC_ISSUER: 'http://127.0.0.1:9/realms/none',
      OIDC_CLIENT_ID: 'pepite',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: 'http://127.0.0.1:9/auth/oidc/callback',
      OIDC_ALLOW_HTTP: '1',
      OIDC_PROVIDER_NAME: 'Contoso',
    });
  });
  afterAll(() => api.close());

  async function account(role: Role, email: string): Promise<{ email: string; password: string }> {
    const { site, team } = await api.world.newSite();
    const password = `pw-${email}-0123456789`;
    await api.world.directory.createUser({ email, displayName: email, role, siteId: site.id, teamId: role === Role.ADMIN ? null : team.id, password });
    return { email, password };
  }

  it('refuses a password sign-in, naming the provider, in French and English', async () => {
    const operator = await account(Role.OPERATOR, 'operatrice@centre.example');
    const fr = await api.graphql.request(LOGIN, operator);
    expect(fr.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(fr.errors?.[0]?.message).toBe('La connexion par mot de passe est désactivée : connectez-vous avec Contoso.');
    const en = await api.graphql.request(LOGIN, operator, { language: 'en' });
    expect(en.errors?.[0]?.message).toBe('Password sign-in is turned off: sign in with Contoso.');
    // An admin not named as break-glass is refused too.
    const admin = await account(Role.ADMIN, 'admin-ordinaire@centre.example');
    expect((await api.graphql.request(LOGIN, admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a break-glass admin in, with the same cookie session', async () => {
    const admin = await account(Role.ADMIN, breakGlass);
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: admin }),
    });
    const body = (await response.json()) as { data?: { login: { accessToken: string } } };
    expect(body.data?.login.accessToken).toBeTruthy();
    expect(response.headers.getSetCookie().some((line) => line.startsWith('pepite_session='))).toBe(true);
  });

  it('a break-glass address that is not an admin account is still refused', async () => {
    const other = await account(Role.OPERATOR, 'other@centre.example');
    expect((await api.graphql.request(LOGIN, other)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells the sign-in pages that passwords are off', async () => {
    const options = await (await fetch(`${api.baseUrl}/auth/options`)).json();
    expect(options).toEqual({ passwordLogin: false, oidc: { name: 'Contoso' } });
  });

  it('answers a sign-in while the provider is unreachable with a clear page, not a crash', async () => {
    const response = await fetch(`${api.baseUrl}/auth/oidc/login?returnTo=/`, { redirect: 'manual' });
    expect(response.status).toBe(503);
    const page = await response.text();
    expect(page).toContain('data-reason="unreachable"');
    expect(page).toContain('Le fournisseur d’identité ne répond pas');
  });
});
