import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { migrateDatabase, pendingSchemaChanges, revertLastMigration } from '@pepite/api/database';
import { createTestDatabase } from '@pepite/api/database/testing';
import { ACCESS_METADATA } from '@pepite/api/identity';
import { startTestApi, type TestApi } from '@pepite/test-support';
import { renderSchema, SCHEMA_FILE } from '../../apps/api/src/graphql/schema-file';
import { ALL_ENTITIES, MIGRATIONS } from '../../apps/api/src/schema-parts';

const ROOT = path.resolve(__dirname, '../..');

describe('contracts that keep the code, the schema and the database honest', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it(`the committed ${SCHEMA_FILE} is the schema the code defines (npm run schema:generate)`, async () => {
    const generated = renderSchema(api.app);
    if (process.env['UPDATE_SCHEMA'] === '1') await writeFile(path.join(ROOT, SCHEMA_FILE), generated);
    expect(await readFile(path.join(ROOT, SCHEMA_FILE), 'utf8')).toBe(generated);
  });

  it('every query, mutation, subscription and HTTP route declares who may call it', () => {
    const undeclared: string[] = [];
    const graphqlOperations = new Set<string>();
    let routes = 0;
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
        const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!type?.prototype || !wrapper.instance) continue;
        const classRule = Reflect.getMetadata(ACCESS_METADATA, type) as unknown;
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          // Read the descriptor: touching a getter on a prototype would run it.
          const handler: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const operationType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
          const isRoute = Reflect.getMetadata(METHOD_METADATA, handler) !== undefined && Reflect.getMetadata(PATH_METADATA, handler) !== undefined;
          const isOperation = operationType === 'Query' || operationType === 'Mutation' || operationType === 'Subscription';
          if (!isOperation && !isRoute) continue;
          if (isOperation) graphqlOperations.add(`${operationType}.${Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) ?? name}`);
          if (isRoute) routes++;
          if (Reflect.getMetadata(ACCESS_METADATA, handler) === undefined && classRule === undefined) {
            undeclared.push(`${type.name}.${name}`);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
    // The walk must have seen every root field of the schema, or it proves nothing.
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter(isObjectType)
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    expect([...graphqlOperations].sort()).toEqual(rootFields.sort());
    expect(routes).toBeGreaterThanOrEqual(2);
  });

  it('the migrations build exactly the schema the entities describe (npm run migration:generate)', async () => {
    const diff = await pendingSchemaChanges({ url: api.database.url, entities: ALL_ENTITIES });
    expect(diff.up.map((statement) => statement.query)).toEqual([]);
  });

  it('every migration can be reverted and applied again', async () => {
    const database = await createTestDatabase();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration({ url: database.url, migrations: MIGRATIONS });
      const { applied } = await migrateDatabase({ url: database.url, migrations: MIGRATIONS });
      expect(applied).toHaveLength(MIGRATIONS.length);
      const diff = await pendingSchemaChanges({ url: database.url, entities: ALL_ENTITIES });
      expect(diff.up).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
