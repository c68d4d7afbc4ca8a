import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { locateDatabase, migrateDatabase, type DatabaseLocation } from '@pepite/api/database';
import { apiConfigFrom } from '../config/api-config';
import { readEnvironment } from '../config/environment';
import { createApi } from '../create-api';
import { MIGRATIONS } from '../schema-parts';

/**
 * The database the settings point at (DATABASE_URL, or the embedded cluster under
 * PEPITE_DATA_DIR), validated like the API's own settings and released afterwards.
 */
export async function withLocatedDatabase<T>(work: (database: DatabaseLocation) => Promise<T>): Promise<T> {
  const env = readEnvironment(process.env);
  const database = await locateDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.PEPITE_DATA_DIR) });
  try {
    return await work(database);
  } finally {
    await database.release();
  }
}

/**
 * The API's modules without an HTTP listener, on the configured (or embedded) database,
 * migrated: what the command-line tools run on.
 */
export async function withCliApp<T>(work: (app: NestExpressApplication) => Promise<T>): Promise<T> {
  const config = await apiConfigFrom(// A command-line run enqueues jobs but never works them: that is the servers' job.
    readEnvironment({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn', JOBS_ENABLED: 'false' }), (m) =>
    process.stderr.write(`warning: ${m}\n`),
  );
  return withLocatedDatabase(async (database) => {
    await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
    const app = await createApi(config, database.url);
    await app.init();
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  });
}

export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
