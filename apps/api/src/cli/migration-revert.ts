import { revertLastMigration } from '@pepite/api/database';
import { MIGRATIONS } from '../schema-parts';
import { runCli, withLocatedDatabase } from './cli-app';

/** `npm run migration:revert`: reverts the last applied migration. */
runCli('migration:revert', () =>
  withLocatedDatabase(async (database) => {
    await revertLastMigration({ url: database.url, migrations: MIGRATIONS });
    console.log('reverted the last migration');
  }),
);
