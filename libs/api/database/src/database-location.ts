import path from 'node:path';
import { withDatabase } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';
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
    dir: path.join(options.dataDir, 'postgres'),
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
