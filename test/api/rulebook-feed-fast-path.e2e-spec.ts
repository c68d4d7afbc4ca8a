import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@pepite/api/identity';
import { FeedFastPath, ReleaseBrotli, RulebookPublisher, type FeedAnswerKey } from '@pepite/api/rulebook';
import { authenticated, openSse, sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** One GET over a real socket, the body as sent (never decompressed). */
function get(api: TestApi, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.baseUrl}/api/rulebook${path}`, { headers: { 'x-request-id': 'fast-path-test', ...headers } });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject).end();
  });
}

const counted = (api: TestApi, key: FeedAnswerKey) => api.app.get(FeedFastPath).answers()[key] ?? 0;
/** Everything but what differs between any two answers (date, connection). */
const comparable = (answer: Answer) => {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = answer.headers;
  return rest;
};
const decoded = (answer: Answer) => {
  const encoding = answer.headers['content-encoding'];
  return encoding === 'br' ? brotliDecompressSync(answer.body) : encoding === 'gzip' ? gunzipSync(answer.body) : answer.body;
};

/** Polls until `check` holds, for at most `withinMs` (the revocation promise), and says how long it took. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  do {
    if (await check()) return true;
    await new Promise((resolve) => setImmediate(resolve));
  } while (Date.now() < deadline);
  return check();
}

const ENCODINGS = [
  { acceptEncoding: 'br, gzip', encoding: 'br' },
  { acceptEncoding: 'gzip', encoding: 'gzip' },
  { acceptEncoding: 'identity', encoding: 'identity' },
] as const;

describe('the feed answered from memory before Express (signed in, public, across instances)', () => {
  let a: TestApi;
  let b: TestApi;
  let kiosk: TestApi;
  let operator: TestUser;
  let admin: TestUser;
  let latest: number;

  beforeAll(async () => {
    a = await startTestApi();
    b = await startTestApi({}, { database: a.database });
    kiosk = await startTestApi({ RULEBOOK_FEED_PUBLIC: 'true' }, { database: a.database });
    operator = await a.world.newUser(Role.OPERATOR);
    admin = await a.world.newUser(Role.ADMIN);
    const publisher = a.app.get(RulebookPublisher);
    // Long enough texts that `changes` goes out compressed too.
    const long = (key: string) => sampleRule(key, { statement: `${'Vérifier l’identité du client avant tout remboursement. '.repeat(40)}${key}` });
    await publisher.publish({ changes: ['A-001', 'A-002', 'A-003'].map((key) => ({ kind: 'CREATE' as const, rule: long(key) })), notes: 'v1' });
    const release = await publisher.publish({ changes: [{ kind: 'AMEND' as const, rule: long('A-002') }, { kind: 'CREATE' as const, rule: long('A-004') }], notes: 'v2' });
    latest = release.version;
    // The brotli bodies come from a job after each publication: its step, run now.
    for (const version of [latest - 1, latest]) await a.app.get(ReleaseBrotli).compress(version);
  });
  afterAll(async () => {
    await kiosk.close();
    await b.close();
    await a.close();
  });

  const routes = () => [
    { route: 'latest', path: '/releases/latest', controllerPath: '/releases/latest?via=controller' },
    { route: 'version', path: `/releases/${latest - 1}`, controllerPath: `/releases/${latest - 1}?via=controller` },
    { route: 'changes', path: `/changes?since=${latest - 1}`, controllerPath: `/changes?since=${latest - 1}&via=controller` },
  ] as const;

  describe.each([
    { mode: 'signed in', instance: () => b, auth: (): Record<string, string> => ({ authorization: `Bearer ${operator.token}` }) },
    { mode: 'public', instance: () => kiosk, auth: (): Record<string, string> => ({}) },
  ])('$mode', ({ mode, instance, auth }) => {
    it.each(ENCODINGS)('answers 200 in $encoding with the controller’s bytes and headers, security headers included', async ({ acceptEncoding, encoding }) => {
      for (const { route, path, controllerPath } of routes()) {
        const headers = { ...auth(), 'accept-encoding': acceptEncoding };
        await get(instance(), path, headers); // the first one fills the caches through the controller
        const before = counted(instance(), `${route} 200 ${encoding}` as FeedAnswerKey);
        const fast = await get(instance(), path, headers);
        const controller = await get(instance(), controllerPath, headers);
        expect(counted(instance(), `${route} 200 ${encoding}` as FeedAnswerKey)).toBe(before + 1);
        expect({ route, status: fast.status }).toEqual({ route, status: 200 });
        expect(fast.body.equals(controller.body)).toBe(true);
        expect(comparable(fast)).toEqual(comparable(controller));
        expect(fast.headers['content-security-policy']).toContain("default-src 'self'");
        expect(fast.headers['x-content-type-options']).toBe('nosniff');
        expect(fast.headers['x-request-id']).toBe('fast-path-test');
        if (route !== 'changes') expect(fast.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
        expect(JSON.parse(decoded(fast).toString('utf8'))).toBeTruthy();
      }
    });

    it.each(ENCODINGS)('answers 304 in $encoding to the current ETag, as the controller does', async ({ acceptEncoding, encoding }) => {
      for (const { route, path, controllerPath } of routes().filter((r) => r.route !== 'changes')) {
        const first = await get(instance(), path, { ...auth(), 'accept-encoding': acceptEncoding });
        const headers = { ...auth(), 'accept-encoding': acceptEncoding, 'if-none-match': String(first.headers.etag) };
        const before = counted(instance(), `${route} 304 ${encoding}` as FeedAnswerKey);
        const fast = await get(instance(), path, headers);
        const controller = await get(instance(), controllerPath, headers);
        expect(counted(instance(), `${route} 304 ${encoding}` as FeedAnswerKey)).toBe(before + 1);
        expect(fast.status).toBe(304);
        expect(fast.body.length).toBe(0);
        expect(comparable(fast)).toEqual(comparable(controller));
      }
    });

    it('opens the live event stream with the security headers, and resumes it from Last-Event-ID', async () => {
      const url = `${instance().baseUrl}/api/rulebook/events`;
      const headers = { ...auth(), 'x-request-id': 'fast-path-test' };
      await get(instance(), '/releases/latest', auth()); // a token is known once the controller has seen it
      const before = counted(instance(), 'events 200');
      const stream = await openSse(url, headers);
      const resumed = await openSse(`${url}?lastEventId=${latest - 1}`, headers);
      try {
        expect(counted(instance(), 'events 200')).toBe(before + 2);
        expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(stream.headers.get('x-accel-buffering')).toBe('no');
        expect(stream.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
        expect(stream.headers.get('x-request-id')).toBe('fast-path-test');
        expect((await resumed.waitFor(1))[0]).toMatchObject({ event: 'release', id: String(latest) });
        // Long enough that `changes` goes out compressed, as the next tests expect; one wording per mode.
        const statement = `${'Rappeler le client sous trois jours ouvrés. '.repeat(40)}(${mode})`;
        const release = await a.app.get(RulebookPublisher).publish({ changes: [{ kind: 'AMEND', rule: sampleRule('A-003', { statement }) }] });
        latest = release.version;
        // The next tests read this release in every encoding: its brotli body, as the job makes it.
        await a.app.get(ReleaseBrotli).compress(latest);
        expect((await stream.waitFor(1))[0]).toMatchObject({ event: 'release', id: String(release.version) });
        expect((await resumed.waitFor(2))[1]).toMatchObject({ event: 'release', id: String(release.version) });
      } finally {
        stream.close();
        resumed.close();
      }
    });
  });

  it('refuses an expired or malformed token with the controller’s status and body, even once the token was served from memory', async () => {
    const jwt = a.app.get(JwtService, { strict: false });
    const shortLived = await jwt.signAsync({}, { subject: operator.id, audience: 'pepite-api', expiresIn: 1, algorithm: 'HS256' });
    const headers = { authorization: `Bearer ${shortLived}` };
    await get(b, '/releases/latest', headers);
    const before = counted(b, 'latest 200 identity');
    expect((await get(b, '/releases/latest', headers)).status).toBe(200);
    expect(counted(b, 'latest 200 identity')).toBe(before + 1);
    // Wait for the token's own expiry (one second), polling: the next answer must be the refusal.
    const expired = await new Promise<Answer>((resolve) => {
      const poll = async () => {
        const answer = await get(b, '/releases/latest', headers);
        if (answer.status === 200) setTimeout(() => void poll(), 50);
        else resolve(answer);
      };
      void poll();
    });
    const viaController = await get(b, '/releases/latest?via=controller', headers);
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body.toString())).toEqual(JSON.parse(viaController.body.toString()));
    expect(JSON.parse(expired.body.toString()).error.code).toBe('UNAUTHENTICATED');

    for (const malformed of ['Bearer not-a-token', 'Bearer ', 'Basic abc', `Bearer ${operator.token}x`]) {
      const fast = await get(b, '/releases/latest', { authorization: malformed });
      const controller = await get(b, '/releases/latest?via=controller', { authorization: malformed });
      expect({ malformed, status: fast.status }).toEqual({ malformed, status: 401 });
      expect(fast.body.equals(controller.body)).toBe(true);
    }
  });

  it('stops serving a deactivated user on every instance within a second', async () => {
    const leaving = await a.world.newUser(Role.OPERATOR);
    const headers = { authorization: `Bearer ${leaving.token}` };
    for (const instance of [a, b]) {
      await get(instance, '/releases/latest', headers);
      const before = counted(instance, 'latest 200 identity');
      expect((await get(instance, '/releases/latest', headers)).status).toBe(200);
      expect(counted(instance, 'latest 200 identity')).toBe(before + 1);
    }
    await a.world.directory.deactivateUser(authenticated(admin), leaving.id);
    for (const instance of [b, a]) {
      expect(await within(1000, async () => (await get(instance, '/releases/latest', headers)).status === 401)).toBe(true);
    }
    const refused = await get(b, '/releases/latest', headers);
    expect(JSON.parse(refused.body.toString()).error.code).toBe('UNAUTHENTICATED');
  });

  it('applies a changed role on every instance within a second (GraphQL guard without a per-request reload)', async () => {
    const demoted = await a.world.newUser(Role.ADMIN);
    const USERS = 'query { users { id } }';
    expect((await b.graphql.request(USERS, {}, { token: demoted.token })).errors).toBeUndefined();
    expect((await b.graphql.request(USERS, {}, { token: demoted.token })).errors).toBeUndefined();
    await a.world.directory.updateUser(authenticated(admin), demoted.id, { role: Role.MANAGER, teamId: operator.teamId });
    const forbidden = async () => (await b.graphql.request(USERS, {}, { token: demoted.token })).errors?.[0]?.extensions?.code === 'FORBIDDEN';
    expect(await within(1000, forbidden)).toBe(true);
    await a.world.directory.updateUser(authenticated(admin), demoted.id, { role: Role.ADMIN, teamId: null });
    expect(await within(1000, async () => !(await forbidden()))).toBe(true);
  });

  it('leaves CORS requests and unacceptable encodings to the controller', async () => {
    const headers = { authorization: `Bearer ${operator.token}` };
    const before = JSON.stringify(b.app.get(FeedFastPath).answers());
    const cors = await get(b, '/releases/latest', { ...headers, origin: 'https://console.example' });
    expect(cors.status).toBe(200);
    const refused = await get(b, '/releases/latest', { ...headers, 'accept-encoding': 'identity;q=0' });
    expect(refused.status).toBe(406);
    expect(JSON.parse(refused.body.toString()).error.code).toBe('NOT_ACCEPTABLE');
    expect(JSON.stringify(b.app.get(FeedFastPath).answers())).toBe(before);
  });

  it('answers from memory without the server’s other request listeners, which still see every request Express gets', async () => {
    // Apollo's drain plugin is such a listener: it counts each request per socket and waits for
    // its 'finish'. An answer from memory needs none of it (and paid a fifth of a 304 for it).
    const server = b.app.getHttpServer() as Server;
    expect(server.listenerCount('request')).toBeGreaterThan(1);
    const headers = { authorization: `Bearer ${operator.token}`, 'accept-encoding': 'gzip' };
    const first = await get(b, '/releases/latest', headers); // fills the caches (through Express when they were empty)
    const seen: string[] = [];
    const listener = (request: IncomingMessage) => seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    server.on('request', listener);
    try {
      const before = counted(b, 'latest 304 gzip');
      expect((await get(b, '/releases/latest', { ...headers, 'if-none-match': String(first.headers.etag) })).status).toBe(304);
      expect(counted(b, 'latest 304 gzip')).toBe(before + 1);
      expect((await get(b, '/releases/latest?via=controller', headers)).status).toBe(200);
      // A status report with no token is taken by the front door, then handed to Express.
      const refused = await fetch(`${b.baseUrl}/api/desktop/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ releaseVersion: latest, appliedAt: new Date().toISOString() }),
      });
      expect(refused.status).toBe(401);
      expect(seen).toEqual(['GET /api/rulebook/releases/latest?via=controller', 'POST /api/desktop/status']);
    } finally {
      server.off('request', listener);
    }
  });
});
