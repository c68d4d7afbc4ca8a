import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, freePort, withDatabase } from '@pepite/api/database';
import { TEST_ENV, testDatabasePrefix } from '@pepite/api/database/testing';
import { ApiProcess, sharedSecrets } from './support/api-process';

const run = promisify(execFile);

/**
 * docs/deploy.md's backup and restore, as written there: a demo database (`PEPITE_DEMO=1`)
 * dumped with `pg_dump --format=custom`, restored with `pg_restore` into an empty database,
 * the API started on it with the same secrets: the feed serves the very same bytes (SHA-256)
 * and the demo accounts sign in.
 *
 * `pg_dump` refuses a server of a newer major version, so this uses the test server when
 * `pg_dump` can dump it (DATABASE_URL on PostgreSQL 15 in CI) and otherwise the machine's
 * PostgreSQL 15 (PEPITE_BACKUP_SERVER_URL, by default postgres://postgres@127.0.0.1:5432/postgres).
 */

async function serverVersion(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int / 10000 AS v")).rows[0]?.v ?? 0;
  } finally {
    await client.end();
  }
}

async function backupServer(): Promise<string> {
  const dumpMajor = Number(/\d+/.exec((await run('pg_dump', ['--version'])).stdout)?.[0]);
  const testServer = process.env[TEST_ENV.serverUrl] ?? '';
  if (testServer && (await serverVersion(testServer)) <= dumpMajor) return testServer;
  return process.env['PEPITE_BACKUP_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The feed's latest release: its version, ETag and the SHA-256 of the bytes served. */
async function latestRelease(api: ApiProcess): Promise<{ version: string | null; etag: string | null; sha256: string }> {
  const response = await fetch(`${api.baseUrl}/api/rulebook/releases/latest`, { headers: { 'accept-encoding': 'identity' } });
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  return { version: response.headers.get('x-rulebook-version'), etag: response.headers.get('etag'), sha256: createHash('sha256').update(body).digest('hex') };
}

describe('backups: a demo database dumped, restored into an empty database, served again', () => {
  const runId = process.env[TEST_ENV.runId] ?? 'x';
  const names = [0, 1].map(() => `${testDatabasePrefix(runId)}${randomBytes(5).toString('hex')}`);
  let serverUrl = '';
  let dir = '';
  const instances: ApiProcess[] = [];

  afterAll(async () => {
    await Promise.all(instances.map((api) => api.kill()));
    if (serverUrl) for (const name of names) await dropDatabase(serverUrl, name);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('pg_dump, pg_restore, start: the feed serves the same SHA-256 and the accounts sign in', async () => {
    serverUrl = await backupServer();
    dir = await mkdtemp(path.join(tmpdir(), 'pepite-backup-'));
    const [source, target] = names.map((name) => withDatabase(serverUrl, name)) as [string, string];
    const env = { ...sharedSecrets(), NODE_ENV: 'test', LOG_LEVEL: 'warn', JOBS_ENABLED: 'false', RULEBOOK_FEED_PUBLIC: 'true' };

    await ensureDatabase(source);
    const demo = await ApiProcess.start('api-demo', await freePort(), { ...env, DATABASE_URL: source, PEPITE_DEMO: '1', PEPITE_DATA_DIR: path.join(dir, 'demo') });
    instances.push(demo);
    const before = await latestRelease(demo);
    expect(await demo.terminate()).toBe(0);

    const dump = path.join(dir, 'pepite.dump');
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, source]);
    await ensureDatabase(target);
    await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target}`, dump]);

    const restored = await ApiProcess.start('api-restored', await freePort(), { ...env, DATABASE_URL: target, PEPITE_DATA_DIR: path.join(dir, 'restored') });
    instances.push(restored);
    const after = await latestRelease(restored);
    const login = await fetch(`${restored.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "admin@pepite.demo", password: "pepite-demo") { accessToken } }' }),
    }).then((response) => response.json() as Promise<{ data?: { login: { accessToken: string } } }>);
    process.stderr.write(`deployment figures (backup): ${JSON.stringify({ server: await serverVersion(serverUrl), before, after })}\n`);
    expect(Number(before.version)).toBeGreaterThan(0);
    expect(after).toEqual(before);
    expect(before.etag).toBe(`"${before.sha256}"`);
    // Nothing left to migrate: the restore carried the schema and its migration history.
    expect(restored.stderr).not.toMatch(/applied \d+ migration/);
    expect(login.data?.login.accessToken).toBeTruthy();
  }, 420_000);
});
