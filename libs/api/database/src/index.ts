export * from './naming-strategy';
export * from './free-port';
export * from './embedded-postgres';
export * from './data-source-options';
export * from './pg-admin';
export * from './database-location';
export * from './migrate';
export * from './schema-drift';
