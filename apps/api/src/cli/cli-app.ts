import type { NestExpressApplication } from '@nestjs/platform-express';
import { locateDatabase, migrateDatabase, type DatabaseLocation } from '@pepite/api/database';
import { apiConfigFrom } from '../config/api-config';
import { readEnvironment } from '../config/environment';
import { createApi } from '../create-api';
import { MIGRATIONS } from '../persistence/schema-parts';

/**
 * The API's modules without an HTTP listener, on the configured (or embedded) database,
 * migrated: what the command-line tools run on.
 */
export async function withCliApp<T>(work: (app: NestExpressApplication) => Promise<T>): Promise<T> {
  const config = await apiConfigFrom(readEnvironment({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' }), (m) =>
    process.stderr.write(`warning: ${m}\n`),
  );
  const database: DatabaseLocation = await locateDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
    const app = await createApi(config, database.url);
    await app.init();
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.release();
  }
}

export function runCli(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
