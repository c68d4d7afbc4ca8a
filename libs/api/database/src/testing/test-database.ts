import { randomBytes } from 'node:crypto';
import { dropDatabase, withAdminClient } from '../postgres/pg-admin';
import { withDatabase } from '../postgres/data-source-options';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Names the global test set-up publishes to every jest worker. */
export const TEST_ENV = {
  serverUrl: 'PEPITE_TEST_SERVER_URL',
  template: 'PEPITE_TEST_TEMPLATE',
  runId: 'PEPITE_TEST_RUN',
} as const;

/** Prefix of every database a test run creates, so the run can drop them all at the end. */
export function testDatabasePrefix(runId: string): string {
  return `pepite_t_${runId}_`;
}

/**
 * A fresh, fully migrated database for one test file, cloned from the run's template
 * (a file copy: milliseconds, instead of replaying every migration).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = requiredEnv(TEST_ENV.serverUrl);
  const template = requiredEnv(TEST_ENV.template);
  const name = `${testDatabasePrefix(requiredEnv(TEST_ENV.runId))}${randomBytes(5).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => dropDatabase(serverUrl, name),
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (test/jest/global-setup.ts)`);
  return value;
}
