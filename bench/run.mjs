// `npm run bench`: sizes and throughput of the public rulebook feed, measured on the
// compiled API over a real PostgreSQL (DATABASE_URL, or a throw-away embedded cluster).
//
// Absolute numbers depend on the machine and on whatever else it is doing, so every
// throughput figure is also given as a ratio to a baseline (`GET /health/live`) measured
// in the same run, on the same server, and to what the load generator itself can reach.
// Nothing here asserts a timing: the run fails only when the feed answers something other
// than what each scenario expects.
// Results: bench/results/rulebook-feed.json (what each number means: bench/README.md).
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { amendRule, generateRulebook, ruleLengths } from './rulebook-generator.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(root, 'bench/results/rulebook-feed.json');
const GENERATED_RULES = 5000;
const CLIENTS = setting('BENCH_CLIENTS', 64);
const MEASURE_SECONDS = setting('BENCH_SECONDS', 5);
const WARMUP_SECONDS = 1;

const say = (line) => process.stderr.write(`bench: ${line}\n`);

// Bench the code that ships: compile, then load the compiled CommonJS from dist/.
execFileSync(process.execPath, [path.join(root, 'tools/build-api.mjs')], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(root, 'dist', file));
require('reflect-metadata'); // before any decorated class is loaded, as main.ts does
const { DataSource } = require('typeorm');
const { createApi } = dist('apps/api/src/create-api.js');
const { apiConfigFrom } = dist('apps/api/src/config/api-config.js');
const { readEnvironment } = dist('apps/api/src/config/environment.js');
const { MIGRATIONS } = dist('apps/api/src/persistence/schema-parts.js');
const { dropDatabase, ensureDatabase, locateDatabase, migrateDatabase, withDatabase } = dist(
  'libs/api/database/src/index.js',
);
const { DEMO_RULEBOOK_FILE, RulebookImport, RulebookPublisher, parseRulebookDocument } = dist(
  'libs/api/rulebook/src/index.js',
);

function setting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new Error(`${name} must be a positive number (got ${JSON.stringify(raw)})`);
  return value;
}

/** Undone in reverse order at the end, on failure and on Ctrl+C alike. */
const cleanups = [];

async function cleanUp() {
  while (cleanups.length > 0) {
    const undo = cleanups.pop();
    await undo().catch((error) => say(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

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

/** The API as production runs it, with a public feed and no job workers competing for the CPU. */
async function startApi(dataDir, databaseUrl) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const env = readEnvironment({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    RULEBOOK_FEED_PUBLIC: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
    RULEBOOK_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    PEPITE_DATA_DIR: dataDir,
  });
  const config = await apiConfigFrom(env, (message) => say(`warning: ${message}`));
  const app = await createApi(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  return app;
}

/** One request on its own connection, body kept as sent (compressed bytes stay compressed). */
function get(baseUrl, pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}${pathname}`, { agent: false, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

function expectStatus(response, status, what) {
  if (response.status !== status) {
    throw new Error(
      `${what}: expected HTTP ${status}, got ${response.status} ${response.body.toString('utf8').slice(0, 300)}`,
    );
  }
}

/** Bytes on the wire for one release, in each encoding the feed stores. */
async function snapshotSizes(baseUrl, version) {
  const sizes = {};
  for (const encoding of ['identity', 'gzip', 'br']) {
    const response = await get(baseUrl, `/api/rulebook/releases/${version}`, { 'accept-encoding': encoding });
    expectStatus(response, 200, `release ${version} (${encoding})`);
    const served = response.headers['content-encoding'] ?? 'identity';
    if (served !== encoding) throw new Error(`release ${version}: asked for ${encoding}, got ${served}`);
    sizes[encoding] = response.body.length;
  }
  return sizes;
}

function runScenario(baseUrl, scenario) {
  say(`measuring ${scenario.label} (${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s, ${CLIENTS} clients)`);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: {
        url: `${baseUrl}${scenario.path}`,
        headers: scenario.headers,
        clients: CLIENTS,
        warmupMs: WARMUP_SECONDS * 1000,
        measureMs: MEASURE_SECONDS * 1000,
      },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with code ${code} before reporting`)));
  }).then((outcome) => {
    // A fast wrong answer is not a result: the whole run is void if any response was unexpected.
    const unexpected = Object.keys(outcome.statuses).filter((status) => Number(status) !== scenario.expect);
    if (unexpected.length > 0 || Object.keys(outcome.errors).length > 0 || outcome.responses === 0) {
      throw new Error(
        `${scenario.label}: expected only HTTP ${scenario.expect}, got ${JSON.stringify({ statuses: outcome.statuses, errors: outcome.errors })}`,
      );
    }
    return outcome;
  });
}

/**
 * The same load against a bare node:http server answering what /health/live answers: the
 * most the load generator gets out of this machine. A scenario close to it is bounded by
 * the clients, not by the API, and its ratio is a lower bound.
 */
async function measureCeiling() {
  const server = http.createServer((request, response) => {
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end('{"status":"ok"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const scenario = { label: 'bare node:http server (client ceiling)', path: '/', headers: {}, expect: 200 };
    return await runScenario(`http://127.0.0.1:${server.address().port}`, scenario);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const ratio = (value, reference) => Number((value / reference).toPrecision(3));

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pepite-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  // mkdtemp makes the directory private; as root the embedded PostgreSQL runs as the
  // `postgres` user, which must be able to enter it (or it would move to another directory).
  await chmod(dataDir, 0o755);

  const database = await openDatabase(dataDir);
  cleanups.push(database.release);
  await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
  const app = await startApi(dataDir, database.url);
  cleanups.push(() => app.close());
  const { port } = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${port}`;
  const [{ server_version: serverVersion }] = await app.get(DataSource).query('SHOW server_version');

  // 1a. The French demo rulebook, imported as an operator would.
  say('importing the demo rulebook');
  const imported = await app.get(RulebookImport).importFile(DEMO_RULEBOOK_FILE);
  if (imported.kind !== 'published') throw new Error(`demo import: ${imported.kind}`);
  const demo = { version: imported.release.version, rules: imported.release.ruleCount };
  demo.bytes = await snapshotSizes(baseUrl, demo.version);

  // 1b. A 5,000-rule rulebook learnt from the demo, published in one release.
  const parsed = parseRulebookDocument(await readFile(DEMO_RULEBOOK_FILE, 'utf8'), path.basename(DEMO_RULEBOOK_FILE));
  if (!parsed.ok) throw new Error('the demo rulebook does not parse');
  const rules = generateRulebook(parsed.document.rules, GENERATED_RULES);
  say(`publishing ${GENERATED_RULES.toLocaleString('en-US')} generated rules`);
  const publisher = app.get(RulebookPublisher);
  const publishStart = performance.now();
  const large = await publisher.publishWhole(rules, 'Banc d’essai : règlement généré');
  const publishMs = performance.now() - publishStart;
  const generated = {
    version: large.version,
    rules: large.ruleCount,
    publishMs: Math.round(publishMs),
    charactersPerRule: ruleLengths(rules),
    bytes: await snapshotSizes(baseUrl, large.version),
  };

  // 2. One amended rule: what a desktop already on N-1 downloads, against the whole of N.
  const amended = await publisher.publish({
    changes: [{ kind: 'AMEND', rule: amendRule(rules[Math.floor(rules.length / 2)]) }],
    notes: 'Banc d’essai : une règle modifiée',
  });
  const since = amended.version - 1;
  const changesResponse = await get(baseUrl, `/api/rulebook/changes?since=${since}`, { 'accept-encoding': 'br, gzip' });
  expectStatus(changesResponse, 200, `changes?since=${since}`);
  const changesBody = JSON.parse(changesResponse.body.toString('utf8'));
  if (changesBody.amended.length !== 1 || changesBody.added.length !== 0)
    throw new Error('changes: expected exactly one amended rule');
  const fullSnapshot = await snapshotSizes(baseUrl, amended.version);
  const changes = {
    since,
    version: amended.version,
    bytes: changesResponse.body.length,
    contentEncoding: changesResponse.headers['content-encoding'] ?? 'identity',
    snapshotBytes: fullSnapshot,
    ratioToSnapshotIdentity: ratio(changesResponse.body.length, fullSnapshot.identity),
    ratioToSnapshotBr: ratio(changesResponse.body.length, fullSnapshot.br),
  };

  // 3. Throughput. The baseline runs before and after every scenario, and each scenario is
  // compared with the mean of its two neighbours: on a shared machine whose load changes
  // during the run, a baseline measured a minute earlier would skew the ratio.
  const latest = await get(baseUrl, '/api/rulebook/releases/latest', { 'accept-encoding': 'br' });
  expectStatus(latest, 200, 'releases/latest');
  const feed = '/api/rulebook';
  const baselineScenario = { label: 'GET /health/live (baseline)', path: '/health/live', headers: {}, expect: 200 };
  const scenarios = [
    {
      name: 'latestNotModified',
      label: 'GET /releases/latest, If-None-Match -> 304',
      path: `${feed}/releases/latest`,
      headers: { 'accept-encoding': 'br', 'if-none-match': latest.headers.etag },
      expect: 304,
    },
    {
      name: 'latestFullBrotli',
      label: `GET /releases/latest -> 200 br (${GENERATED_RULES.toLocaleString('en-US')} rules)`,
      path: `${feed}/releases/latest`,
      headers: { 'accept-encoding': 'br' },
      expect: 200,
    },
    {
      name: 'changesSincePrevious',
      label: `GET /changes?since=${since} (N-1)`,
      path: `${feed}/changes?since=${since}`,
      headers: { 'accept-encoding': 'br, gzip' },
      expect: 200,
    },
  ];
  const ceiling = await measureCeiling();
  const baselines = [await runScenario(baseUrl, baselineScenario)];
  const measured = [];
  for (const scenario of scenarios) {
    measured.push({ scenario, outcome: await runScenario(baseUrl, scenario) });
    baselines.push(await runScenario(baseUrl, baselineScenario));
  }
  const summary = (scenario, outcome, baselineRps) => ({
    label: scenario.label,
    path: scenario.path,
    status: scenario.expect,
    responses: outcome.responses,
    requestsPerSecond: round(outcome.requestsPerSecond),
    baselineRequestsPerSecond: round(baselineRps),
    ratioToBaseline: ratio(outcome.requestsPerSecond, baselineRps),
    ratioToClientCeiling: ratio(outcome.requestsPerSecond, ceiling.requestsPerSecond),
    latencyMs: Object.fromEntries(Object.entries(outcome.latencyMs).map(([key, value]) => [key, round(value, 2)])),
    bytesPerResponse: outcome.bytesPerResponse,
  });
  const baselineRates = baselines.map((outcome) => outcome.requestsPerSecond);
  const baselineMean = baselineRates.reduce((sum, rate) => sum + rate, 0) / baselineRates.length;
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const throughput = {
    clientCeiling: {
      label: 'bare node:http server (client ceiling)',
      requestsPerSecond: round(ceiling.requestsPerSecond),
      latencyMs: { p50: round(ceiling.latencyMs.p50, 2), p95: round(ceiling.latencyMs.p95, 2) },
    },
    baseline: {
      label: baselineScenario.label,
      path: baselineScenario.path,
      status: baselineScenario.expect,
      requestsPerSecond: round(baselineMean),
      ratioToBaseline: 1,
      ratioToClientCeiling: ratio(baselineMean, ceiling.requestsPerSecond),
      // How far apart the baseline runs were: how steady the machine was during the bench.
      spreadPercent: round(((Math.max(...baselineRates) - Math.min(...baselineRates)) / baselineMean) * 100),
      // Median over the runs (the raw latencies stay in the workers).
      latencyMs: {
        p50: round(median(baselines.map((outcome) => outcome.latencyMs.p50)), 2),
        p95: round(median(baselines.map((outcome) => outcome.latencyMs.p95)), 2),
      },
      runs: baselines.map((outcome) => ({
        requestsPerSecond: round(outcome.requestsPerSecond),
        latencyMs: { p50: round(outcome.latencyMs.p50, 2), p95: round(outcome.latencyMs.p95, 2) },
      })),
    },
    ...Object.fromEntries(
      measured.map(({ scenario, outcome }, index) => [
        scenario.name,
        summary(scenario, outcome, (baselineRates[index] + baselineRates[index + 1]) / 2),
      ]),
    ),
  };

  const cpus = os.cpus();
  const results = {
    benchmark: 'rulebook-feed',
    timestamp: startedAt.toISOString(),
    durationSeconds: null,
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30),
      loadAverage1mAtStart: round(loadAtStart, 2),
    },
    database: { kind: database.kind, serverVersion },
    settings: { clients: CLIENTS, warmupSeconds: WARMUP_SECONDS, measureSeconds: MEASURE_SECONDS },
    snapshots: { demo, generated },
    changes,
    throughput,
  };
  results.durationSeconds = round((Date.now() - startedAt.getTime()) / 1000);
  // Other work on the machine shows here first: compare with the number of CPUs.
  results.machine.loadAverage1mAtEnd = round(os.loadavg()[0], 2);
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  say(`results written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

function printTable(results) {
  const n = (value) => value.toLocaleString('en-US');
  const pad = (text, width) => String(text).padStart(width);
  const { demo, generated } = results.snapshots;
  const { machine, database, changes, throughput, settings } = results;
  const lines = [
    '',
    `Rulebook feed bench: node ${machine.node}, ${machine.cpus} x ${machine.cpuModel}, ${database.kind} PostgreSQL ${database.serverVersion}`,
    '',
    `${'Snapshot (bytes)'.padEnd(26)}${pad('rules', 7)}${pad('identity', 13)}${pad('gzip', 12)}${pad('br', 12)}`,
    ...[
      ['demo (French)', demo],
      ['generated', generated],
    ].map(
      ([name, s]) =>
        `${name.padEnd(26)}${pad(n(s.rules), 7)}${pad(n(s.bytes.identity), 13)}${pad(n(s.bytes.gzip), 12)}${pad(n(s.bytes.br), 12)}`,
    ),
    `Publishing the ${n(generated.rules)}-rule rulebook took ${n(generated.publishMs)} ms (informational).`,
    `changes?since=${changes.since} (one amended rule): ${n(changes.bytes)} bytes (${changes.contentEncoding}) = ` +
      `${(changes.ratioToSnapshotIdentity * 100).toPrecision(2)} % of the identity snapshot, ` +
      `${(changes.ratioToSnapshotBr * 100).toPrecision(2)} % of the br one`,
    '',
    `${`Throughput (${settings.clients} clients, ${settings.measureSeconds} s)`.padEnd(48)}${pad('req/s', 9)}` +
      `${pad('x base', 9)}${pad('x ceil', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}`,
    ...[
      { ...throughput.clientCeiling, ratioToBaseline: null, ratioToClientCeiling: 1 },
      throughput.baseline,
      throughput.latestNotModified,
      throughput.latestFullBrotli,
      throughput.changesSincePrevious,
    ].map(
      (row) =>
        `${row.label.padEnd(48)}${pad(n(row.requestsPerSecond), 9)}${pad(row.ratioToBaseline?.toFixed(2) ?? '-', 9)}` +
        `${pad(row.ratioToClientCeiling.toFixed(2), 9)}${pad(row.latencyMs.p50.toFixed(2), 9)}${pad(row.latencyMs.p95.toFixed(2), 9)}`,
    ),
    `Baseline runs (before, between and after the scenarios): ${throughput.baseline.runs.map((run) => n(run.requestsPerSecond)).join(', ')} req/s ` +
      `(spread ${throughput.baseline.spreadPercent} %); each ratio uses the two runs around its scenario.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

process.once('SIGINT', () => {
  say('interrupted: cleaning up');
  void cleanUp().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
