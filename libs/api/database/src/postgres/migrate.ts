import { DataSource } from 'typeorm';
import { dataSourceOptions, type PepiteDataSourceConfig } from './data-source-options';

// Any constant works; it only has to be the same for every instance of the API.
const MIGRATION_LOCK = 7_427_001;

export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Applies pending migrations, one transaction each. Instances starting together queue on
 * an advisory lock instead of racing through the same migration.
 */
export async function migrateDatabase(
  config: Pick<PepiteDataSourceConfig, 'url' | 'migrations'>,
): Promise<MigrationReport> {
  const dataSource = new DataSource(dataSourceOptions({ ...config, entities: [], poolSize: 2, applicationName: 'pepite-migrate' }));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: applied.map((migration) => migration.name) };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/** Reverts the last applied migration. */
export async function revertLastMigration(config: Pick<PepiteDataSourceConfig, 'url' | 'migrations'>): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions({ ...config, entities: [], poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
