import { DataSource } from 'typeorm';
import { dataSourceOptions, type PepiteDataSourceConfig } from './data-source-options';

export interface SqlStatement {
  readonly query: string;
  readonly parameters?: unknown[];
}

export interface SchemaDiff {
  readonly up: readonly SqlStatement[];
  readonly down: readonly SqlStatement[];
}

/**
 * What TypeORM would change to make the database match the entities: empty when the
 * migrations and the entities agree. Used by `migration:generate` and the drift test.
 */
export async function pendingSchemaChanges(config: Pick<PepiteDataSourceConfig, 'url' | 'entities'>): Promise<SchemaDiff> {
  const dataSource = new DataSource(dataSourceOptions({ ...config, migrations: [], poolSize: 1 }));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map(({ query, parameters }) => ({ query, parameters })),
      down: sql.downQueries.map(({ query, parameters }) => ({ query, parameters })).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}
