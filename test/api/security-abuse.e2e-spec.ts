import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { eventually, startTestApi, watchSubscription, type GraphqlResponse, type TestApi } from '@pepite/test-support';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const ME = '{ me { id } }';
const MARK_READ = 'mutation { markNotificationsRead(all: true) }';
const FILE_PEPIN = 'mutation($input: FilePepinInput!) { filePepin(input: $input) { id reference } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const NOTIFICATION_ADDED = 'subscription { notificationAdded { id } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }';

const pepin = (n: number) => ({
  title: `Remboursement partiel impossible ${n}`,
  description: 'Le client a reçu un colis abîmé et la règle ne permet pas de rembourser une partie seulement.',
  noRuleApplies: true,
});

/** Rejections per class, printed at the end (the closing note wants the figures). */
const rejected: Record<string, number> = {};

function count(response: GraphqlResponse): GraphqlResponse {
  for (const error of response.errors ?? []) {
    const code = String(error.extensions?.code);
    rejected[code] = (rejected[code] ?? 0) + 1;
  }
  return response;
}

/** RATE_LIMITED with the same wait in the header and in `extensions.retryAfterSeconds`. */
function expectRateLimited(response: GraphqlResponse, maxSeconds: number): number {
  const error = response.errors?.[0];
  expect(error?.extensions?.code).toBe('RATE_LIMITED');
  const header = Number(response.headers.get('retry-after'));
  expect(header).toBeGreaterThan(0);
  expect(header).toBeLessThanOrEqual(maxSeconds);
  expect(error?.extensions?.['retryAfterSeconds']).toBe(header);
  return header;
}

afterAll(() => console.log(`abuse: requests rejected by class ${JSON.stringify(rejected)}`));

describe('abuse: rate limits per user, per operator and on login', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      MUTATION_LIMIT_PER_USER: '6',
      MUTATION_LIMIT_WINDOW_SECONDS: '60',
      FILING_LIMIT_PER_OPERATOR: '3',
      FILING_LIMIT_WINDOW_SECONDS: '3600',
      LOGIN_LIMIT_PER_ACCOUNT: '3',
      LOGIN_LIMIT_PER_ADDRESS: '40',
      LOGIN_LIMIT_WINDOW_SECONDS: '60',
    });
  });
  afterAll(() => api.close());

  it('limits mutations per user (RATE_LIMITED, Retry-After) without touching their queries or other users', async () => {
    const [user, other] = [await api.world.newUser(Role.MANAGER), await api.world.newUser(Role.MANAGER)];
    for (let i = 0; i < 6; i++) expect(count(await api.graphql.request(MARK_READ, {}, { token: user.token })).errors).toBeUndefined();
    const blocked = count(await api.graphql.request(MARK_READ, {}, { token: user.token, language: 'en' }));
    expectRateLimited(blocked, 60);
    expect(blocked.errors?.[0]?.message).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    expect((await api.graphql.request(ME, {}, { token: user.token })).errors).toBeUndefined();
    expect((await api.graphql.request(MARK_READ, {}, { token: other.token })).errors).toBeUndefined();
  });

  it('counts aliased mutations inside one request one by one', async () => {
    const user = await api.world.newUser(Role.OPERATOR);
    const aliased = `mutation { ${Array.from({ length: 9 }, (_, i) => `m${i}: markNotificationsRead(all: true)`).join(' ')} }`;
    const response = count(await api.graphql.request(aliased, {}, { token: user.token }));
    // Six pass; the seventh is refused, and as its field is non-null the mutation stops there.
    expect(response.errors?.map((error) => [error.path?.[0], error.extensions?.code])).toEqual([['m6', 'RATE_LIMITED']]);
    expectRateLimited(count(await api.graphql.request(MARK_READ, {}, { token: user.token })), 60);
  });

  it('limits filing per operator (here 3 an hour), on top of the mutation limit', async () => {
    const [operator, colleague] = [await api.world.newUser(Role.OPERATOR), await api.world.newUser(Role.OPERATOR)];
    for (let n = 1; n <= 3; n++) {
      expect(count(await api.graphql.request(FILE_PEPIN, { input: pepin(n) }, { token: operator.token })).errors).toBeUndefined();
    }
    const blocked = count(await api.graphql.request(FILE_PEPIN, { input: pepin(4) }, { token: operator.token }));
    expect(expectRateLimited(blocked, 3600)).toBeGreaterThan(3000);
    expect(blocked.data).toBeNull();
    // Other mutations of the same operator and the filings of a colleague go on.
    expect((await api.graphql.request(MARK_READ, {}, { token: operator.token })).errors).toBeUndefined();
    expect((await api.graphql.request(FILE_PEPIN, { input: pepin(5) }, { token: colleague.token })).errors).toBeUndefined();
  });

  it('refuses an (account, address) after its failures, aliases included, with the wait in extensions', async () => {
    const target = await api.world.newUser(Role.OPERATOR);
    const address = { headers: { 'x-forwarded-for': '203.0.113.7' } };
    const attempts = (n: number) =>
      `mutation($email: String!, $password: String!) { ${Array.from({ length: n }, (_, i) => `a${i}: login(email: $email, password: $password) { accessToken }`).join(' ')} }`;
    // Wrong guesses under aliases: the first failure ends the request, so one request is one guess.
    for (let i = 0; i < 3; i++) {
      const guesses = count(await api.graphql.request(attempts(5), { email: target.email, password: `guess-${i}` }, address));
      expect(guesses.errors?.map((error) => [error.path?.[0], error.extensions?.code])).toEqual([['a0', 'UNAUTHENTICATED']]);
    }
    // Three failures from this address: even the right password is refused from it now.
    const response = count(await api.graphql.request(attempts(2), { email: target.email, password: target.password }, address));
    expect(response.errors?.map((error) => [error.path?.[0], error.extensions?.code])).toEqual([['a0', 'RATE_LIMITED']]);
    expectRateLimited(response, 60);
    // The owner, from an address that has not failed, is let in.
    expect((await api.graphql.request(LOGIN, { email: target.email, password: target.password })).errors).toBeUndefined();
  });
});

describe('abuse: security headers and CORS', () => {
  let api: TestApi;
  let open: TestApi;
  const ALLOWED = 'https://console.pepite.example';
  beforeAll(async () => {
    const consoleDir = await mkdtemp(path.join(tmpdir(), 'pepite-console-'));
    await writeFile(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    api = await startTestApi({ WEB_CONSOLE_DIR: consoleDir, CORS_ORIGINS: `${ALLOWED},https://desk.pepite.example` });
    open = await startTestApi({}, { database: api.database });
  });
  afterAll(async () => {
    await open.close();
    await api.close();
  });

  it.each([
    ['the console page', '/', 'GET'],
    ['GraphQL', '/graphql', 'POST'],
    ['the feed', '/api/rulebook/public-key', 'GET'],
    ['health', '/health/live', 'GET'],
  ])('puts the security headers on %s', async (_name, route, method) => {
    const response = await fetch(`${api.baseUrl}${route}`, {
      method,
      headers: { accept: 'text/html,application/json', 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
    });
    await response.arrayBuffer();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers a preflight from an allowed origin, and gives no CORS header to any other', async () => {
    const preflight = (base: string, origin: string) =>
      fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight(api.baseUrl, ALLOWED);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const foreign = await preflight(api.baseUrl, 'https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await post.arrayBuffer();
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    // Without CORS_ORIGINS, no origin gets CORS headers.
    expect((await preflight(open.baseUrl, ALLOWED)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('abuse: token expiry and revocation', () => {
  let api: TestApi;
  let other: TestApi;
  const clients: Client[] = [];
  beforeAll(async () => {
    api = await startTestApi({ ACCESS_TOKEN_TTL_MINUTES: '1', SUBSCRIPTION_REAUTH_SECONDS: '1' });
    other = await startTestApi({ SUBSCRIPTION_REAUTH_SECONDS: '1' }, { database: api.database });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await other.close();
    await api.close();
  });

  function connect(base: string, token: string): { client: Client; connected: () => boolean } {
    let connected = false;
    const client = createClient({
      url: `${base.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { connected: () => void (connected = true) },
    });
    clients.push(client);
    return { client, connected: () => connected };
  }

  /** Moves the clock of this process (API and test alike) forward. */
  function travel(ms: number): void {
    const now = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => now() + ms);
  }

  it('refuses a token past its lifetime (ACCESS_TOKEN_TTL_MINUTES), over HTTP and graphql-ws, and closes a running subscription', async () => {
    const user = await api.world.newUser(Role.OPERATOR);
    expect((await api.graphql.request(ME, {}, { token: user.token })).errors).toBeUndefined();
    const running = connect(api.baseUrl, user.token);
    const runningWatch = watchSubscription(running.client, NOTIFICATION_ADDED);
    await eventually(() => running.connected());
    travel(61_000);
    // The connection opened while the token was valid is closed at its next check (1 s here).
    await eventually(() => runningWatch.failure() !== undefined, 5_000);
    expect(runningWatch.failure()).toMatchObject({ code: 4401 });
    const expired = await api.graphql.request(ME, {}, { token: user.token, language: 'en' });
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(expired.errors?.[0]?.message).toBe('Your session has expired or is no longer valid; please sign in again.');
    const watch = watchSubscription(connect(api.baseUrl, user.token).client, NOTIFICATION_ADDED);
    await eventually(() => watch.failure() !== undefined);
    expect(watch.failure()).toMatchObject({ code: 4401 });
  });

  it('refuses forged, foreign and algorithm-swapped tokens', async () => {
    const user = await api.world.newUser(Role.OPERATOR);
    const sign = (secret: string, options: Record<string, unknown>) =>
      new JwtService({ secret }).sign({}, { subject: user.id, audience: 'pepite-api', expiresIn: 600, ...options });
    const past = new JwtService({ secret: JWT_SECRET }).sign(
      { sub: user.id, aud: 'pepite-api', exp: Math.floor(Date.now() / 1000) - 5 },
      {},
    );
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: user.id, aud: 'pepite-api', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    const tokens = {
      past,
      otherSecret: sign('another-secret-that-is-long-enough-for-hs256-xyz', {}),
      otherAudience: sign(JWT_SECRET, { audience: 'somebody-else' }),
      unsigned: `${header}.${payload}.`,
    };
    for (const [name, token] of Object.entries(tokens)) {
      const response = count(await api.graphql.request(ME, {}, { token }));
      expect([name, response.errors?.[0]?.extensions?.code]).toEqual([name, 'UNAUTHENTICATED']);
    }
    // The control: the same claims, well signed, pass.
    expect((await api.graphql.request(ME, {}, { token: sign(JWT_SECRET, {}) })).errors).toBeUndefined();
  });

  it('on deactivation, refuses the token at once and closes the user’s subscriptions: at once here, at the next check on another instance', async () => {
    const admin = await api.world.newUser(Role.ADMIN);
    const operator = await api.world.newUser(Role.OPERATOR);
    const here = connect(api.baseUrl, operator.token);
    const there = connect(other.baseUrl, operator.token);
    const watchHere = watchSubscription(here.client, NOTIFICATION_ADDED);
    const watchThere = watchSubscription(there.client, NOTIFICATION_ADDED);
    await eventually(() => here.connected() && there.connected());
    // A bystander's connection stays open.
    const bystander = await api.world.newUser(Role.OPERATOR);
    const calm = connect(api.baseUrl, bystander.token);
    const watchCalm = watchSubscription(calm.client, NOTIFICATION_ADDED);
    await eventually(() => calm.connected());

    const started = Date.now();
    await api.graphql.ok(DEACTIVATE, { id: operator.id }, { token: admin.token });
    await eventually(() => watchHere.failure() !== undefined, 2_000);
    const closedHereMs = Date.now() - started;
    expect(watchHere.failure()).toMatchObject({ code: 4401 });
    for (const instance of [api, other]) {
      expect((await instance.graphql.request(ME, {}, { token: operator.token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    await eventually(() => watchThere.failure() !== undefined, 5_000);
    const closedThereMs = Date.now() - started;
    expect(watchThere.failure()).toMatchObject({ code: 4401 });
    console.log(`revocation: subscription closed after ${closedHereMs} ms on the same instance, ${closedThereMs} ms on another`);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(watchCalm.failure()).toBeUndefined();
    // A new connection with the old token is refused before any operation.
    const retry = watchSubscription(connect(other.baseUrl, operator.token).client, NOTIFICATION_ADDED);
    await eventually(() => retry.failure() !== undefined);
    expect(retry.failure()).toMatchObject({ code: 4401 });
  });
});

