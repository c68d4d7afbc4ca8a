// Everything the benchmarks share, in one place: the compiled API on a real PostgreSQL,
// the generated data, the load generator (a second process), bare node:http baselines,
// side-by-side measurement, and the results files. Each benchmark is one file under bench/
// that exports { name, title, target, run(bench) }.
//
// Sizes: full by default; `--smoke` (or BENCH_SMOKE=1) runs every benchmark with tiny
// sizes and checks no target: the CI mode, which keeps the benchmarks from rotting.
import { execFileSync, fork } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateRulebook } from './rulebook-generator.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(root, 'bench/results');
export const say = (line) => process.stderr.write(`bench: ${line}\n`);

export const SMOKE = process.argv.includes('--smoke') || process.env['BENCH_SMOKE'] === '1';

/** Full sizes are those of the targets (issue 8); smoke sizes only prove that the code runs. */
export const SIZES = SMOKE
  ? {
      rules: 200,
      clients: 8,
      warmupSeconds: 0.2,
      measureSeconds: setting('BENCH_SECONDS', 0.5),
      rounds: 2,
      sseClients: 50,
      publishRuns: 2,
      triagePepins: 24,
      triagePageSizes: [5, 10],
      similarSmall: 1_000,
      similarLarge: 5_000,
      similarRequests: 20,
      similarRecallRounds: 1,
    }
  : {
      rules: 5_000,
      clients: setting('BENCH_CLIENTS', 64),
      warmupSeconds: 0.5,
      measureSeconds: setting('BENCH_SECONDS', 1.5),
      rounds: setting('BENCH_ROUNDS', 10),
      sseClients: 2_000,
      publishRuns: 5,
      triagePepins: 300,
      triagePageSizes: [10, 50, 100],
      similarSmall: 10_000,
      similarLarge: setting('BENCH_SIMILAR_LARGE', 1_000_000),
      similarRequests: 96,
      similarRecallRounds: 3,
    };

function setting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number (got ${JSON.stringify(raw)})`);
  return value;
}

// Bench the code that ships: compile, then load the compiled CommonJS from dist/.
execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
export const dist = (file) => require(path.join(root, 'dist', file));
require('reflect-metadata'); // before any decorated class is loaded, as main.ts does
export const { DataSource } = require('typeorm');
export const pg = require('pg');
const { createApi } = dist('apps/api/src/create-api.js');
const { apiConfigFrom } = dist('apps/api/src/config/api-config.js');
const { readEnvironment } = dist('apps/api/src/config/environment.js');
const { MIGRATIONS } = dist('apps/api/src/schema-parts.js');
const { LISTEN_BACKLOG } = dist('apps/api/src/http/front-door.js');
const { dropDatabase, ensureDatabase, locateDatabase, migrateDatabase, withDatabase } = dist('libs/api/database/src/index.js');
export const rulebook = dist('libs/api/rulebook/src/index.js');
export const demoRulebook = dist('apps/api/src/demo/demo-rulebook.js');
export const rulebookFormat = dist('libs/shared/rulebook-format/src/index.js');
export const identity = dist('libs/api/identity/src/index.js');
export const pepins = dist('libs/api/pepins/src/index.js');

export const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
export const ratio = (value, reference) => Number((value / reference).toPrecision(3));
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** Nearest rank: an observed value, never an interpolation. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** A full garbage collection, without starting node with --expose-gc. */
export const collectGarbage = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  return () => gc();
})();

/**
 * A scratch database `pepite_bench_<pid>` on the DATABASE_URL server, dropped afterwards;
 * otherwise an embedded cluster in `dataDir`, which is deleted with it.
 */
async function openDatabase(dataDir) {
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl) {
    const name = `pepite_bench_${process.pid}`;
    const url = withDatabase(serverUrl, name);
    await ensureDatabase(url);
    return { url, kind: 'DATABASE_URL', release: () => dropDatabase(serverUrl, name) };
  }
  say('starting an embedded PostgreSQL (no DATABASE_URL)');
  const location = await locateDatabase({ dataDir, log: (line) => say(line) });
  return { url: location.url, kind: 'embedded', release: () => location.release() };
}

/**
 * The API as production runs it by default (feed for signed-in users only), with no job
 * workers competing for the CPU. `publicFeed` starts a second instance on the same database
 * and secrets, as a kiosk set-up would run it (RULEBOOK_FEED_PUBLIC=true).
 */
async function startApi(dataDir, databaseUrl, { publicFeed = false, secrets = newSecrets() } = {}) {
  const env = readEnvironment({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    RULEBOOK_FEED_PUBLIC: String(publicFeed),
    JWT_SECRET: secrets.jwtSecret,
    RULEBOOK_SIGNING_KEY: secrets.signingKey.export({ type: 'pkcs8', format: 'pem' }),
    PEPITE_DATA_DIR: dataDir,
  });
  const config = await apiConfigFrom(env, (message) => say(`warning: ${message}`));
  const app = await createApi(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  return { app, signingKey: secrets.signingKey, secrets, baseUrl: `http://127.0.0.1:${port}` };
}

function newSecrets() {
  return { jwtSecret: randomBytes(32).toString('hex'), signingKey: generateKeyPairSync('ed25519').privateKey };
}

/** One request on its own connection, body kept as sent (compressed bytes stay compressed). */
export function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

export function expectStatus(response, status, what) {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status} ${response.body.toString('utf8').slice(0, 300)}`);
  }
}

/** The load generator process. One for the whole run; it answers one command at a time. */
class LoadClient {
  constructor() {
    this.child = fork(fileURLToPath(new URL('./load-client.mjs', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = this.next('ready');
  }

  next(kind) {
    return new Promise((resolve, reject) => {
      const onMessage = (message) => {
        // Two commands may run at once (a storm sent while the feed is measured): each waits
        // for its own kind of answer.
        if (message.kind !== kind && message.kind !== 'error') return;
        this.child.off('exit', onExit);
        this.child.off('message', onMessage);
        if (message.kind === 'error') reject(new Error(`load client: ${message.message}`));
        else resolve(message);
      };
      const onExit = (code, signal) => {
        this.child.off('message', onMessage);
        reject(new Error(`load client ${this.child.pid} exited with code ${code}${signal ? ` (${signal})` : ''}`));
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }

  async command(message, reply) {
    await this.ready;
    const answer = this.next(reply);
    this.child.send(message);
    return answer;
  }

  close() {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/**
 * A bare node:http server in this process: the baseline of "what the hardware can do". It
 * listens with the API's backlog, so that both accept a burst of connections alike.
 */
export async function bareServer(handler) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The response headers worth copying to a bare server so that it sends the same bytes. */
export function replayableHeaders(headers) {
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !skip.has(name)));
}

export async function createBench() {
  const startedAt = new Date();
  const cleanups = [];
  const cleanUp = async () => {
    while (cleanups.length > 0) {
      const undo = cleanups.pop();
      await undo().catch((error) => say(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  try {
    return await openBench(startedAt, cleanups, cleanUp);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function openBench(startedAt, cleanups, cleanUp) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pepite-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  // mkdtemp makes the directory private; as root the embedded PostgreSQL runs as the
  // `postgres` user, which must be able to enter it (or it would move to another directory).
  await chmod(dataDir, 0o755);
  const database = await openDatabase(dataDir);
  cleanups.push(database.release);
  await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
  const { app, signingKey, secrets } = await startApi(dataDir, database.url);
  cleanups.push(() => app.close());
  const load = new LoadClient();
  cleanups.push(async () => load.close());
  const dataSource = app.get(DataSource);
  const [{ server_version: serverVersion }] = await dataSource.query('SHOW server_version');
  const { port } = app.getHttpServer().address();

  const bench = {
    startedAt,
    sizes: SIZES,
    smoke: SMOKE,
    app,
    signingKey,
    dataSource,
    database: { kind: database.kind, serverVersion },
    baseUrl: `http://127.0.0.1:${port}`,
    cleanUp,
    say,

    /** The demo rulebook, then `SIZES.rules` generated rules in one release (once per run). */
    rulebook: memo(async () => {
      const publisher = app.get(rulebook.RulebookPublisher);
      const imported = await app.get(rulebook.RulebookImport).importFile(demoRulebook.DEMO_RULEBOOK_FILE);
      if (imported.kind !== 'published') throw new Error(`demo import: ${imported.kind}`);
      const parsed = rulebook.parseRulebookDocument(await readFile(demoRulebook.DEMO_RULEBOOK_FILE, 'utf8'), path.basename(demoRulebook.DEMO_RULEBOOK_FILE));
      if (!parsed.ok) throw new Error('the demo rulebook does not parse');
      const rules = generateRulebook(parsed.document.rules, SIZES.rules);
      say(`publishing ${SIZES.rules.toLocaleString('en-US')} generated rules`);
      const release = await publisher.publishWhole(rules, 'Banc d’essai : règlement généré');
      await bench.brotliJob(release.version);
      return { rules, version: release.version, publisher };
    }),

    /**
     * What the job that follows a publication does (store the release's brotli body): the
     * bench's API runs no job workers, so a benchmark that reads brotli runs it here first.
     */
    brotliJob: (version) => app.get(rulebook.ReleaseBrotli).compress(version),

    /** A second instance with a public feed (a kiosk set-up), on the same database; its base URL. */
    publicFeedUrl: memo(async () => {
      const kiosk = await startApi(dataDir, database.url, { publicFeed: true, secrets });
      cleanups.push(() => kiosk.app.close());
      return kiosk.baseUrl;
    }),

    /** What a signed-in desktop sends with every feed request: its operator's token. */
    feedAuth: memo(async () => {
      const { operators } = await bench.people();
      return { authorization: `Bearer ${operators[0].token}` };
    }),

    /**
     * Runs a feed measurement in both modes: signed in (the default configuration, on the
     * main instance) and public (no token, on the kiosk instance). The ratio is the lower one.
     */
    async feedModes(measure) {
      const signedIn = await measure({ mode: 'signed in', baseUrl: bench.baseUrl, auth: await bench.feedAuth() });
      const publicFeed = await measure({ mode: 'public', baseUrl: await bench.publicFeedUrl(), auth: {} });
      return { signedIn, public: publicFeed, ratio: Math.min(signedIn.ratio, publicFeed.ratio) };
    },

    /** A site with a manager and operators, each with a token (once per run). */
    people: memo(async () => {
      const directory = app.get(identity.UserDirectoryService);
      const site = await directory.ensureSite('Site du banc d’essai');
      const team = await directory.ensureTeam(site.id, 'Équipe du banc d’essai');
      const newUser = async (role, index) => {
        const email = `${role.toLowerCase()}-${index}@bench.pepite`;
        const password = `bench-${randomBytes(8).toString('hex')}`;
        const user = await directory.createUser({ email, displayName: `${role} ${index}`, role, siteId: site.id, teamId: team.id, password });
        const data = await bench.graphql(null, 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', {
          email,
          password,
        });
        const caller = { id: user.id, role, siteId: user.siteId, teamId: user.teamId, displayName: user.displayName, locale: user.locale };
        return { ...caller, token: data.login.accessToken, caller };
      };
      const manager = await newUser(identity.Role.MANAGER, 1);
      const operators = [];
      for (let index = 1; index <= 4; index += 1) operators.push(await newUser(identity.Role.OPERATOR, index));
      return { site, team, manager, operators };
    }),

    /** A GraphQL operation over HTTP, as the console sends it; throws on errors. */
    async graphql(token, query, variables = {}) {
      const response = await fetch(`${bench.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json();
      if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return body.data;
    },

    /** Throughput of one scenario, measured by the load generator process. Void if any answer is unexpected. */
    async httpLoad({ label, url, headers = {}, expect, clients = SIZES.clients, warmupSeconds = SIZES.warmupSeconds, measureSeconds = SIZES.measureSeconds }) {
      if (process.env['BENCH_VERBOSE']) say(`measuring ${label} (${warmupSeconds} s warm-up + ${measureSeconds} s, ${clients} clients)`);
      const { result } = await load.command(
        { kind: 'http', url, headers, clients, warmupMs: warmupSeconds * 1000, measureMs: measureSeconds * 1000 },
        'result',
      );
      const unexpected = Object.keys(result.statuses).filter((status) => Number(status) !== expect);
      if (unexpected.length > 0 || Object.keys(result.errors).length > 0 || result.responses === 0) {
        throw new Error(`${label}: expected only HTTP ${expect}, got ${JSON.stringify({ statuses: result.statuses, errors: result.errors })}`);
      }
      return {
        label,
        requestsPerSecond: round(result.requestsPerSecond),
        latencyMs: Object.fromEntries(Object.entries(result.latencyMs).map(([key, value]) => [key, round(value, 2)])),
        bytesPerResponse: result.bytesPerResponse,
        responses: result.responses,
      };
    },

    /**
     * The API and its baseline side by side, interleaved in short runs (ABBA order: bare, API,
     * API, bare, …) so that a change in the machine's load during the measurement weighs on
     * both alike. Each round gives a ratio of two neighbouring runs; the result is their median,
     * so that one round disturbed by another process does not decide it (the ratio of the
     * totals is kept too).
     */
    async sideBySide({ baseline, candidate }) {
      const runs = { baseline: [], candidate: [] };
      for (let index = 0; index < SIZES.rounds; index += 1) {
        const order = index % 2 === 0 ? ['baseline', 'candidate'] : ['candidate', 'baseline'];
        for (const which of order) runs[which].push(await bench.httpLoad(which === 'baseline' ? baseline : candidate));
      }
      const total = (list) => list.reduce((sum, run) => sum + run.responses, 0);
      const seconds = SIZES.rounds * SIZES.measureSeconds;
      const perRound = runs.candidate.map((run, index) => ratio(run.requestsPerSecond, runs.baseline[index].requestsPerSecond));
      return {
        candidate: { label: candidate.label, requestsPerSecond: round(total(runs.candidate) / seconds), runs: runs.candidate },
        baseline: { label: baseline.label, requestsPerSecond: round(total(runs.baseline) / seconds), runs: runs.baseline },
        ratio: ratio(median(perRound), 1),
        ratioPerRound: perRound,
        ratioOfTotals: ratio(total(runs.candidate), total(runs.baseline)),
      };
    },

    /**
     * One feed request against a bare node:http server that answers, from memory, exactly what
     * the API answered (status, headers, body bytes): the ratio is the API's own overhead.
     */
    async againstBareCopy({ label, path: pathname, headers, expect, clients, baseUrl = bench.baseUrl }) {
      const sample = await get(`${baseUrl}${pathname}`, headers);
      expectStatus(sample, expect, label);
      const copied = replayableHeaders(sample.headers);
      // Large bodies: fewer connections (about 64 MiB in flight), or a short run completes none.
      const connections = clients ?? Math.max(2, Math.min(SIZES.clients, Math.floor((64 * 2 ** 20) / Math.max(1, sample.body.length))));
      const bare = await bareServer((request, response) => {
        response.writeHead(expect, copied);
        response.end(expect === 304 ? undefined : sample.body);
      });
      try {
        const measured = await bench.sideBySide({
          baseline: { label: `bare node:http, same ${expect} bytes`, url: bare.url, headers, expect, clients: connections },
          candidate: { label, url: `${baseUrl}${pathname}`, headers, expect, clients: connections },
        });
        return { ...measured, sample, clients: connections };
      } finally {
        await bare.close();
      }
    },

    /**
     * The load generator, for a storm of requests sent while it measures: one process sends
     * both, as one client machine would. A second process on the bench's two CPUs cost the
     * feed more in wake-ups than the API spent on the storm (bench/status-storm.mjs).
     */
    stormClient: async () => {
      await load.ready;
      return load;
    },

    /** The base URL of an HTTP sink in a process of its own (bench/load-client.mjs `sink`). */
    sink: memo(async () => {
      const process = new LoadClient();
      cleanups.push(async () => process.close());
      const { port } = await process.command({ kind: 'sink' }, 'sinking');
      return `http://127.0.0.1:${port}`;
    }),

    /** Opens `clients` SSE connections from the load generator; resolves once all are open. */
    async sseOpen(url, clients, expect, headers = {}) {
      await load.command({ kind: 'sse-open', url, clients, expect, headers }, 'connected');
    },
    /** Per connection, when the expected frame arrived (hrtime ns as bigint), or null. */
    async sseCollect(timeoutMs = 30_000) {
      const { received } = await load.command({ kind: 'sse-collect', timeoutMs }, 'received');
      return received.map((at) => (at === null ? null : BigInt(at)));
    },
    async sseClose() {
      await load.command({ kind: 'sse-close' }, 'closed');
    },
  };
  return bench;
}

function memo(make) {
  let value;
  return () => (value ??= make());
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

/** Full runs write bench/results/<name>.json; smoke runs a temporary directory (their figures mean nothing). */
export async function writeResult(result) {
  const dir = SMOKE ? path.join(os.tmpdir(), 'pepite-bench-smoke') : RESULTS_DIR;
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${result.benchmark}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The process's memory after two full collections half a second apart. */
export async function settledMemory() {
  const MiB = 2 ** 20;
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 500));
  collectGarbage();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rssMiB: round(rss / MiB), heapUsedMiB: round(heapUsed / MiB), externalMiB: round(external / MiB) };
}
