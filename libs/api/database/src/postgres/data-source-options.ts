import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
type Constructor = Function;

export interface PepiteDataSourceConfig {
  readonly url: string;
  readonly entities: MixedList<Constructor | string | EntitySchema>;
  readonly migrations: MixedList<Constructor | string>;
  readonly poolSize?: number;
  readonly applicationName?: string;
  readonly logging?: boolean;
}

/**
 * The one way this project builds TypeORM options: snake_case names, schema changed only
 * by migrations (synchronize stays off), timestamps in UTC.
 */
export function dataSourceOptions(config: PepiteDataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities: config.entities,
    migrations: config.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations,
    // never by the application at connect time.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: config.logging ? ['query', 'error'] : false,
    extra: {
      max: config.poolSize ?? 10,
      application_name: config.applicationName ?? 'pepite',
      options: '-c timezone=UTC',
      // Fail fast instead of queuing forever when the server is gone (see /health/ready).
      connectionTimeoutMillis: 5_000,
    },
  };
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Database name of a PostgreSQL URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID: check ids from clients before they reach a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
