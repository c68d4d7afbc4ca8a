import path from 'node:path';
import { locateDatabase, revertLastMigration } from '@pepite/api/database';
import { MIGRATIONS } from '../persistence/schema-parts';
import { runCli } from './cli-app';

/** `npm run migration:revert`: reverts the last applied migration. */
runCli('migration:revert', async () => {
  const database = await locateDatabase({
    databaseUrl: process.env['DATABASE_URL'],
    dataDir: path.resolve(process.env['PEPITE_DATA_DIR'] ?? '.data'),
  });
  try {
    await revertLastMigration({ url: database.url, migrations: MIGRATIONS });
    console.log('reverted the last migration');
  } finally {
    await database.release();
  }
});
