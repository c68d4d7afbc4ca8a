import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, type TestDatabase } from '@pepite/api/database/testing';
import { apiConfigFrom } from '../../apps/api/src/config/api-config';
import { readEnvironment } from '../../apps/api/src/config/environment';
import { createApi } from '../../apps/api/src/create-api';
import { GraphqlClient } from './graphql-client';
import { TestWorld } from './test-world';

export interface TestApi {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly database: TestDatabase;
  readonly graphql: GraphqlClient;
  readonly world: TestWorld;
  close(): Promise<void>;
}

/**
 * The real API on a real HTTP port, over this test file's own migrated database.
 * `env` overrides settings exactly as environment variables would.
 */
export async function startTestApi(env: Record<string, string> = {}, shared?: { database: TestDatabase }): Promise<TestApi> {
  // A second instance on the same database (cross-instance tests) leaves dropping it to the first.
  const database = shared?.database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pepite-test-data-'));
  const config = await apiConfigFrom(
    readEnvironment({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
      PEPITE_DATA_DIR: dataDir,
      // Tests file and mutate far faster than people: the per-user limits are tested on
      // their own (security-abuse.e2e-spec.ts), with these overridden.
      FILING_LIMIT_PER_OPERATOR: '100000',
      MUTATION_LIMIT_PER_USER: '100000',
      ...env,
    }),
    () => undefined,
  );
  const app = await createApi(config, database.url);
  // A fixed port when the test must know the address beforehand (the redirect URI an OpenID provider registers).
  await app.listen(env['PORT'] ? Number(env['PORT']) : 0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const graphql = new GraphqlClient(baseUrl);
  return {
    app,
    baseUrl,
    database,
    graphql,
    world: new TestWorld(app, graphql),
    close: async () => {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
