import { migrateDatabase } from '@pepite/api/database';
import { MIGRATIONS } from '../schema-parts';
import { runCli, withLocatedDatabase } from './cli-app';

/** `npm run migration:run`: applies pending migrations (the API also does it at start). */
runCli('migration:run', () =>
  withLocatedDatabase(async (database) => {
    const { applied } = await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  }),
);
