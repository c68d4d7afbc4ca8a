import path from 'node:path';
import { locateDatabase, migrateDatabase } from '@pepite/api/database';
import { MIGRATIONS } from '../persistence/schema-parts';
import { runCli } from './cli-app';

/** `npm run migration:run`: applies pending migrations (the API also does it at start). */
runCli('migration:run', async () => {
  const database = await locateDatabase({
    databaseUrl: process.env['DATABASE_URL'],
    dataDir: path.resolve(process.env['PEPITE_DATA_DIR'] ?? '.data'),
  });
  try {
    const { applied } = await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await database.release();
  }
});
