import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, freePort, migrateDatabase, withDatabase } from '@pepite/api/database';
import { TEST_ENV, testDatabasePrefix } from '@pepite/api/database/testing';
import { MIGRATIONS } from '../../apps/api/src/schema-parts';
import { ApiProcess, sharedSecrets } from './support/api-process';

/**
 * (e) An upgrade: three instances of the newer version start at once on a database left at
 * an older migration head. The migrator's advisory lock must let exactly one apply the
 * missing migrations, once each; the others find nothing left to do.
 */
describe('deployment: three instances of a newer version starting at once', () => {
  const serverUrl = process.env[TEST_ENV.serverUrl] ?? '';
  const name = `${testDatabasePrefix(process.env[TEST_ENV.runId] ?? 'x')}${randomBytes(5).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  const instances: ApiProcess[] = [];
  let dataDir = '';

  afterAll(async () => {
    await Promise.all(instances.map((api) => api.kill()));
    await dropDatabase(serverUrl, name);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('(e) run the missing migrations exactly once', async () => {
    const behind = 3;
    const older = MIGRATIONS.slice(0, MIGRATIONS.length - behind);
    await ensureDatabase(url);
    await migrateDatabase({ url, migrations: older });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pepite-upgrade-'));
    const env = { ...sharedSecrets(), DATABASE_URL: url, NODE_ENV: 'test', LOG_LEVEL: 'warn', JOBS_ENABLED: 'true' };
    const ports = await Promise.all([0, 1, 2].map(() => freePort()));
    // Spawned together, before any is ready: they reach the migrator at the same time.
    for (const [i, port] of ports.entries()) instances.push(ApiProcess.spawn(`api-${i + 1}`, port, { ...env, PEPITE_DATA_DIR: path.join(dataDir, `data-${i}`) }));
    await Promise.all(instances.map((api) => api.ready()));

    const applied = instances.map((api) => /applied (\d+) migration\(s\)/.exec(api.stderr)?.[1] ?? '0').map(Number);
    const client = new Client({ connectionString: url });
    await client.connect();
    const rows = await client.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name');
    await client.end();
    process.stderr.write(`deployment figures (e): ${JSON.stringify({ behind, appliedPerInstance: applied, migrationsRecorded: rows.rowCount })}\n`);
    expect([...applied].sort()).toEqual([0, 0, behind]);
    expect(rows.rows.filter((row) => row.n !== 1)).toEqual([]);
    expect(rows.rowCount).toBe(MIGRATIONS.length);
    for (const api of instances) expect((await fetch(`${api.baseUrl}/health/ready`)).status).toBe(200);
  }, 300_000);
});
