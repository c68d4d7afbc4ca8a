import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withDatabase } from './data-source-options';
import { startEmbeddedPostgres, unreachableAncestor } from './embedded-postgres';
import { ensureDatabase } from './pg-admin';

export interface DatabaseLocation {
  readonly url: string;
  readonly embedded: boolean;
  /** Stops the embedded server this process started; a no-op for DATABASE_URL. */
  release(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL kept under the data directory
 * across restarts, with its `pepite` database created on first use.
 */
export async function locateDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<DatabaseLocation> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, release: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dir: await clusterDirectory(options.dataDir, options.log),
    preferredPort: 54329,
    log: options.log,
  });
  const url = withDatabase(server.serverUrl, 'pepite');
  try {
    await ensureDatabase(url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, embedded: true, release: () => server.stop() };
}

/**
 * The cluster lives in `<dataDir>/postgres`, unless we run as root inside a directory the
 * `postgres` user cannot enter (a private home or a `mktemp -d` checkout): then it lives
 * in a per-checkout directory under the system temp dir, said out loud.
 */
async function clusterDirectory(dataDir: string, log?: (line: string) => void): Promise<string> {
  const preferred = path.join(path.resolve(dataDir), 'postgres');
  if (process.getuid?.() !== 0) return preferred;
  const blocked = await unreachableAncestor(preferred);
  if (!blocked) return preferred;
  const fallback = path.join(tmpdir(), `pepite-${createHash('sha256').update(preferred).digest('hex').slice(0, 12)}`, 'postgres');
  log?.(`the postgres user cannot enter ${blocked}; keeping the embedded database in ${fallback} instead`);
  return fallback;
}
