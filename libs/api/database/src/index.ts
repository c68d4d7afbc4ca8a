// The platform every context stands on, one folder per concern:
// postgres/ (connection, embedded server, migrations, drift, LISTEN), jobs/ (pg-boss),
// idempotency/ (keyed retries), clock/ (the time use cases read), limits/ (rate limits
// shared across instances), streams/ (async iteration over events).
export * from './postgres/naming-strategy';
export * from './postgres/free-port';
export * from './postgres/embedded-postgres';
export * from './postgres/data-source-options';
export * from './postgres/pg-admin';
export * from './postgres/database-location';
export * from './postgres/migrate';
export * from './postgres/schema-drift';
export * as Columns from './postgres/columns';
export * from './postgres/pg-listener';
export * from './postgres/id-signal-hub';
export * from './jobs/job-queue';
export * from './idempotency/idempotency';
export * from './clock/clock';
export * from './limits/shared-limits';
export * from './streams/observable-async-iterator';
