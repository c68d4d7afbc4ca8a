import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@pepite/api/database';
import { createTestDatabase, type TestDatabase } from '@pepite/api/database/testing';

/**
 * The real compiled process (`node dist/apps/api/src/main.js`, built by the global set-up),
 * as an operator runs it: start-up, health, configuration errors, graceful shutdown on
 * SIGTERM, and the demo data.
 */
const MAIN = path.resolve(__dirname, '../../dist/apps/api/src/main.js');
const JWT_SECRET = 'process-lifecycle-test-secret-0123456789-abcdefghij';
const READY = /API ready on http:\/\/localhost:(\d+)\/graphql/;
const TEST_TIMEOUT = 90_000;

interface ApiProcess {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly stdout: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

interface RunningApi extends ApiProcess {
  readonly port: number;
  readonly baseUrl: string;
}

const spawned = new Set<ChildProcess>();

/** Starts main.js with exactly `env` (plus PATH), not the test runner's environment. */
function spawnApi(env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: path.resolve(__dirname, '../..'),
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  let stderr = '';
  let stdout = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      spawned.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

/** Resolves when the process has written `text` on stderr (already, or later). */
function stderrShows(api: Pick<RunningApi, 'child' | 'stderr'>, text: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      api.child.stderr?.off('data', onData);
      reject(new Error(`no "${text}" on stderr after ${timeoutMs} ms; stderr:\n${api.stderr()}`));
    }, timeoutMs);
    const onData = () => {
      if (!api.stderr().includes(text)) return;
      clearTimeout(timer);
      api.child.stderr?.off('data', onData);
      resolve();
    };
    api.child.stderr?.on('data', onData);
    onData();
  });
}

/** Starts main.js and waits for its "API ready" line. */
async function startApi(env: Record<string, string>, timeoutMs = 45_000): Promise<RunningApi> {
  const api = spawnApi(env);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API not ready after ${timeoutMs} ms; stderr:\n${api.stderr()}`)), timeoutMs);
    const onData = () => {
      const match = READY.exec(api.stderr());
      if (!match) return;
      clearTimeout(timer);
      api.child.stderr?.off('data', onData);
      resolve(Number(match[1]));
    };
    api.child.stderr?.on('data', onData);
    void api.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${code}) before it was ready; stderr:\n${api.stderr()}`));
    });
  });
  return { ...api, port, baseUrl: `http://127.0.0.1:${port}` };
}

/** Sends SIGTERM and resolves with the exit code, failing if the process takes longer than `timeoutMs`. */
async function stop(api: ApiProcess, timeoutMs = 20_000): Promise<number | string> {
  api.child.kill('SIGTERM');
  return withTimeout(api.exited, timeoutMs, () => `process did not exit ${timeoutMs} ms after SIGTERM; stderr:\n${api.stderr()}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message())), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}


/** The demo pépins as manager1 sees them in the queue (the whole site fits in a page of 100). */
const DEMO_QUEUE = `query($filter: PepinFilter) {
  pepins(first: 100, filter: $filter) {
    totalCount
    countsByStatus { status count }
    edges { node { reference status overdue createdAt updatedAt acknowledgedAt history { kind at } } }
  }
}`;

interface DemoQueue {
  readonly pepins: {
    readonly totalCount: number;
    readonly countsByStatus: { status: string; count: number }[];
    readonly edges: {
      node: {
        reference: string;
        status: string;
        overdue: boolean;
        createdAt: string;
        updatedAt: string;
        acknowledgedAt: string | null;
        history: { kind: string; at: string }[];
      };
    }[];
  };
}

/** Rows of the pépins tables the demo loader writes (history aside: the SLA sweep may add escalations). */
const DEMO_PEPIN_TABLES = ['pepin', 'pepin_support', 'pepin_message', 'listening_session'] as const;

async function graphql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } };
}

async function countRows(databaseUrl: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(sql);
    return Number(result.rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe('the API process: start, health, configuration errors, graceful shutdown, demo data', () => {
  const databases: TestDatabase[] = [];
  const dataDirs: string[] = [];

  /** A valid environment over a fresh database and data directory of this test. */
  async function validEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const database = await createTestDatabase();
    databases.push(database);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pepite-process-test-'));
    dataDirs.push(dataDir);
    return {
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      JWT_SECRET,
      PEPITE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...extra,
    };
  }

  afterEach(async () => {
    const leftovers = [...spawned];
    await Promise.all(
      leftovers.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    spawned.clear();
  });

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it(
    'starts, announces itself on stderr, answers /health/live and /health/ready (database up), and stops with 0 on SIGTERM',
    async () => {
      const env = await validEnv();
      const api = await startApi(env);
      expect(api.port).toBe(Number(env['PORT']));

      const live = await fetch(`${api.baseUrl}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });

      const ready = await fetch(`${api.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });

      expect(await stop(api)).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'on SIGTERM, finishes a request already in flight, then exits with 0',
    async () => {
      const api = await startApi(await validEnv());
      const body = JSON.stringify({ query: '{ __typename }' });
      const half = Math.floor(body.length / 2);

      // A keep-alive connection, as a load balancer would hold, with half the body sent.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let inFlightRequest: http.ClientRequest | undefined;
      let headersRead: () => void = () => undefined;
      const serverHasHeaders = new Promise<void>((resolve) => (headersRead = resolve));
      const inFlight = new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port: api.port,
            path: '/graphql',
            method: 'POST',
            agent,
            // The server answers "100 Continue" once it has read the headers: the event that
            // proves the request is in flight on the server, with no guess at how long that takes.
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.once('continue', () => {
          request.write(body.slice(0, half));
          headersRead();
        });
        request.flushHeaders();
        inFlightRequest = request;
      });
      await serverHasHeaders;

      api.child.kill('SIGTERM');
      await stderrShows(api, 'SIGTERM: finishing requests in flight');
      expect(api.child.exitCode).toBeNull(); // still draining: the request is not finished

      // Readiness while draining, on a new connection, if one is still accepted: never "ready".
      const readiness = await fetch(`${api.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
        async (response) => ({ status: response.status, text: await response.text() }),
        () => null,
      );
      if (readiness) expect(readiness.status).toBe(503);

      inFlightRequest?.end(body.slice(half));
      const response = await withTimeout(inFlight, 10_000, () => `in-flight request never answered; stderr:\n${api.stderr()}`);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ data: { __typename: 'Query' } });

      // The client keeps its connection open: the server must close it, not wait for the grace period.
      const answeredAt = Date.now();
      const code = await withTimeout(api.exited, 20_000, () => `process did not exit after SIGTERM; stderr:\n${api.stderr()}`);
      agent.destroy();
      expect(Date.now() - answeredAt).toBeLessThan(10_000);
      expect(code).toBe(0);
      expect(api.stderr()).toContain('SIGTERM: finishing requests in flight');
      expect(api.stderr()).not.toContain('exiting anyway');
    },
    TEST_TIMEOUT,
  );

  it(
    'on SIGTERM, does not wait for an idle keep-alive connection to be closed by the client',
    async () => {
      const api = await startApi(await validEnv());
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: api.port, path: '/health/live', agent }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          })
          .on('error', reject);
      });
      expect(status).toBe(200);
      const started = Date.now();
      expect(await stop(api)).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      agent.destroy();
    },
    TEST_TIMEOUT,
  );

  describe('refuses to start on a configuration error, with one line naming the variable and exit code 1', () => {
    it.each([
      ['PORT', { PORT: 'abc' }],
      ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
      ['JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: '' }],
      ['PEPITE_DEMO', { NODE_ENV: 'production', PEPITE_DEMO: '1' }],
    ])(
      '%s',
      async (variable, overrides) => {
        const env = await validEnv(overrides);
        const api = spawnApi(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
        const code = await withTimeout(api.exited, 30_000, () => `process still running; stderr:\n${api.stderr()}`);
        expect(code).toBe(1);
        const lines = api.stderr().split('\n').filter((line) => line.trim() !== '');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(variable);
        expect(lines[0]).toMatch(/configuration error/);
        expect(lines[0]).not.toContain(JWT_SECRET);
        expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
      },
      TEST_TIMEOUT,
    );
  });

  it(
    'loads the demo call centre with PEPITE_DEMO=1, and loading it again on restart changes nothing',
    async () => {
      const env = await validEnv({ PEPITE_DEMO: '1' });
      const demoUsers = "SELECT count(*) FROM app_user WHERE email LIKE '%@pepite.demo'";
      const allUsers = 'SELECT count(*) FROM app_user';
      const databaseUrl = env['DATABASE_URL'] ?? '';

      const first = await startApi(env);
      const login = await graphql<{ login: { accessToken: string; user: { role: string } } }>(
        first.baseUrl,
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { role } } }',
        { email: 'manager1@pepite.demo', password: 'pepite-demo' },
      );
      expect(login.body.errors).toBeUndefined();
      const token = login.body.data?.login.accessToken;
      expect(token).toEqual(expect.any(String));
      const me = await graphql<{ me: { email: string; role: string; displayName: string } }>(first.baseUrl, '{ me { email role displayName } }', {}, token);
      expect(me.body.errors).toBeUndefined();
      expect(me.body.data?.me).toEqual({ email: 'manager1@pepite.demo', role: 'MANAGER', displayName: 'Karim Benali' });
      expect(await countRows(databaseUrl, demoUsers)).toBe(12);
      expect(await countRows(databaseUrl, allUsers)).toBe(12);
      expect(first.stderr()).toMatch(/published the demo rulebook as release 1 \(\d+ rules\)/);
      const feed = await fetch(`${first.baseUrl}/api/rulebook/releases/latest`, { headers: { authorization: `Bearer ${token}` } });
      const rulebook = (await feed.json()) as { version: number; rules: { key: string; rationale: string }[] };
      // Release 1 is the imported rulebook; releases 2 and 3 publish proposals answering demo pépins.
      expect(rulebook.version).toBe(3);
      for (const version of [2, 3]) {
        const release = await fetch(`${first.baseUrl}/api/rulebook/releases/${version}`, { headers: { authorization: `Bearer ${token}` } });
        const { changelog } = (await release.json()) as { changelog: { amended: string[]; answers: string[] } };
        expect(changelog.amended.length).toBeGreaterThan(0);
        expect(changelog.answers.length).toBeGreaterThan(0);
        for (const answer of changelog.answers) expect(answer).toMatch(/^PEP-\d{6}$/);
      }
      const proposals = await graphql<{ proposals: { edges: { node: { status: string } }[] } }>(
        first.baseUrl,
        '{ proposals(first: 50) { edges { node { status } } } }',
        {},
        token,
      );
      expect(proposals.body.errors).toBeUndefined();
      const proposalStatuses = new Set(proposals.body.data?.proposals.edges.map((edge) => edge.node.status));
      for (const status of ['IN_DESIGN', 'IN_VOTE', 'APPROVED', 'PUBLISHED']) expect([status, proposalStatuses.has(status)]).toEqual([status, true]);
      expect(rulebook.rules.length).toBeGreaterThanOrEqual(15);
      expect(rulebook.rules.length).toBeLessThanOrEqual(25);
      expect(rulebook.rules.every((rule) => rule.rationale.length > 50)).toBe(true);

      // The demo pépins, filed and triaged at their real past times.
      expect(first.stderr()).toMatch(/demo data: filed 40 pépins \(\d+ new of which \d+ overdue, /);
      expect(await countRows(databaseUrl, 'SELECT count(*) FROM pepin')).toBe(40);
      const queue = await graphql<DemoQueue>(first.baseUrl, DEMO_QUEUE, {}, token);
      const checkedAt = Date.now();
      expect(queue.body.errors).toBeUndefined();
      const pepins = queue.body.data?.pepins;
      expect(pepins?.totalCount).toBe(40);
      const counts = new Map(pepins?.countsByStatus.map(({ status, count }) => [status, count]));
      for (const status of ['NEW', 'ACKNOWLEDGED', 'IN_DESIGN', 'IN_VOTE', 'PUBLISHED', 'DECLINED', 'DUPLICATE']) {
        expect([status, (counts.get(status) ?? 0) > 0]).toEqual([status, true]);
      }
      expect(first.stderr()).toMatch(/demo data: 6 proposals .*releases 2 and 3 answer demo pépins/);
      const nodes = pepins?.edges.map((edge) => edge.node) ?? [];
      expect(nodes).toHaveLength(40);
      const times = (texts: readonly string[]) => texts.map((text) => Date.parse(text));
      for (const pepin of nodes) {
        const history = times(pepin.history.map((line) => line.at));
        expect(pepin.history[0]?.kind).toBe('FILED');
        expect(history[0]).toBe(Date.parse(pepin.createdAt));
        expect(history).toEqual([...history].sort((a, b) => a - b));
        expect(Math.max(...history, Date.parse(pepin.updatedAt))).toBeLessThanOrEqual(checkedAt);
        if (pepin.acknowledgedAt !== null) expect(history).toContain(Date.parse(pepin.acknowledgedAt));
      }
      // Filed over weeks, not at start-up: the oldest was filed more than a month ago.
      expect(Math.min(...times(nodes.map((pepin) => pepin.createdAt)))).toBeLessThan(checkedAt - 30 * 24 * 3600 * 1000);
      const overdue = await graphql<DemoQueue>(first.baseUrl, DEMO_QUEUE, { filter: { overdue: true } }, token);
      expect(overdue.body.errors).toBeUndefined();
      expect(overdue.body.data?.pepins.totalCount).toBeGreaterThanOrEqual(2);
      for (const { node } of overdue.body.data?.pepins.edges ?? []) expect(node).toMatchObject({ status: 'NEW', overdue: true });
      const rowsOf = (url: string) =>
        Promise.all(DEMO_PEPIN_TABLES.map((table) => countRows(url, `SELECT count(*) FROM ${table}`)));
      const demoRows = await rowsOf(databaseUrl);
      expect(await stop(first)).toBe(0);

      const second = await startApi({ ...env, PORT: String(await freePort()) });
      expect(second.stderr()).toContain('demo data: accounts already loaded');
      expect(second.stderr()).not.toContain('published the demo rulebook');
      expect(await countRows(databaseUrl, 'SELECT count(*) FROM release')).toBe(3);
      expect(await countRows(databaseUrl, 'SELECT count(*) FROM proposal')).toBe(6);
      expect(await countRows(databaseUrl, demoUsers)).toBe(12);
      expect(await countRows(databaseUrl, allUsers)).toBe(12);
      expect(await countRows(databaseUrl, "SELECT count(*) FROM site WHERE name = 'Plateau Lyon Part-Dieu'")).toBe(1);
      expect(await countRows(databaseUrl, 'SELECT count(*) FROM team')).toBe(2);
      expect(second.stderr()).toContain('demo data: pépins already loaded');
      expect(second.stderr()).not.toContain('demo data: filed');
      expect(await countRows(databaseUrl, 'SELECT count(*) FROM pepin')).toBe(40);
      expect(await rowsOf(databaseUrl)).toEqual(demoRows);
      const again = await graphql<{ login: { user: { role: string } } }>(
        second.baseUrl,
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { role } } }',
        { email: 'operator1@pepite.demo', password: 'pepite-demo' },
      );
      expect(again.body.data?.login.user.role).toBe('OPERATOR');
      expect(await stop(second)).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
