import { generateKeyPairSync } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { PepinQueries } from '@pepite/api/pepins';
import { QueryFailedError } from 'typeorm';
import { eventually, startTestApi, watchSubscription, type GraphqlError, type TestApi } from '@pepite/test-support';
import * as consoleDocuments from '../../apps/web/src/gql/graphql';
import { queryLimitRules } from '../../apps/api/src/graphql/query-limits';

interface Raw {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: { data?: unknown; errors?: readonly GraphqlError[] };
}

const DEFAULT_LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 10_000, maxTokens: 5_000 };

/** Rejections per class, printed at the end (the closing note wants the figures). */
const rejected: Record<string, number> = {};

async function post(api: TestApi, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Raw> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as Raw['body'];
  const code = body.errors?.[0]?.extensions?.code;
  if (code && code !== 'UNAUTHENTICATED') rejected[code] = (rejected[code] ?? 0) + 1;
  return { status: response.status, headers: response.headers, text, body };
}

function expectRefused(response: Raw, code: string): void {
  expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
  expect(response.status).toBe(400);
  expect(response.body.data).toBeUndefined();
  expect(response.text).not.toMatch(/stacktrace|\n\s+at .+:\d+:\d+/i);
}

/** `{ __type(name: "Query") { ofType { … { name } } } }`: exactly `depth` levels of fields. */
function nestedTypeQuery(depth: number): string {
  const ofTypes = depth - 2;
  return `{ __type(name: "Query") { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } }`;
}

const aliases = (count: number, prefix = 'a') => Array.from({ length: count }, (_, i) => `${prefix}${i}: __typename`).join(' ');

const PEPIN_PAGE = 'pepins(first: 100) { edges { node { id reference title description status } } }';

afterAll(() => console.log(`GraphQL limits: requests rejected by class ${JSON.stringify(rejected)}`));

describe('GraphQL limits: depth, aliases, cost, tokens, body size (development settings)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  describe('depth (at most 10 levels of fields)', () => {
    it('runs a query 10 levels deep', async () => {
      const response = await post(api, nestedTypeQuery(10));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({ __type: { ofType: null } });
    });

    it('refuses 11 levels with 400 QUERY_TOO_DEEP, in French by default and English on request, before running anything', async () => {
      const fr = await post(api, nestedTypeQuery(11));
      expectRefused(fr, 'QUERY_TOO_DEEP');
      expect(fr.body.errors?.[0]?.message).toBe('La requête imbrique 11 niveaux de champs ; au plus 10 sont acceptés.');
      const en = await post(api, nestedTypeQuery(40), {}, { 'accept-language': 'en' });
      expectRefused(en, 'QUERY_TOO_DEEP');
      expect(en.body.errors?.[0]?.message).toBe('The query nests fields 40 levels deep; at most 10 are allowed.');
    });

    it('counts the fields inside fragments: nesting them does not get around the limit', async () => {
      const query = `{ __type(name: "Query") { ...A } }
        fragment A on __Type { ofType { ...B } }
        fragment B on __Type { ofType { ofType { ... on __Type { ofType { ...C } } } } }
        fragment C on __Type { ofType { ofType { ofType { ofType { ofType { name } } } } } }`;
      expectRefused(await post(api, query), 'QUERY_TOO_DEEP');
    });

    it('applies to mutations too, and to signed-in callers', async () => {
      const manager = await api.world.newUser(Role.MANAGER);
      const deep = `mutation M { markNotificationsRead(all: true) } query Q ${nestedTypeQuery(12)}`;
      expectRefused(await post(api, deep, {}, { authorization: `Bearer ${manager.token}` }), 'QUERY_TOO_DEEP');
    });
  });

  describe('aliases (at most 15)', () => {
    it('runs 15 aliases and refuses 16 with TOO_MANY_ALIASES', async () => {
      const fifteen = await post(api, `{ ${aliases(15)} }`);
      expect(fifteen.status).toBe(200);
      expect(Object.keys(fifteen.body.data as object)).toHaveLength(15);
      const sixteen = await post(api, `{ ${aliases(16)} }`, {}, { 'accept-language': 'en' });
      expectRefused(sixteen, 'TOO_MANY_ALIASES');
      expect(sixteen.body.errors?.[0]?.message).toBe('The query uses 16 aliases; at most 15 are allowed.');
    });

    it('counts aliases spread over fragments', async () => {
      const query = `{ ...F ...G } fragment F on Query { ${aliases(8, 'f')} } fragment G on Query { ${aliases(8, 'g')} }`;
      expectRefused(await post(api, query), 'TOO_MANY_ALIASES');
    });

    it('stops an aliased login burst before any attempt is made', async () => {
      const logins = Array.from({ length: 40 }, (_, i) => `l${i}: login(email: "x${i}@test.pepite", password: "guess") { accessToken }`);
      expectRefused(await post(api, `mutation { ${logins.join(' ')} }`), 'TOO_MANY_ALIASES');
    });
  });

  describe('cost (1 per field, a page costs its selection `first` times)', () => {
    it('counts an oversized page (first from a variable) as 100: the field refuses it clearly, not the cost', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      const query = 'query($n: Int!) { notifications(first: $n, unreadOnly: false) { edges { node { id kind text } } } }';
      const auth = { authorization: `Bearer ${operator.token}`, 'accept-language': 'en' };
      const response = await post(api, query, { n: 100_000 }, auth);
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors?.[0]?.message).toContain('at most 100');
    });

    it('adds up pages requested under aliases: 14 full pages of pépins pass, 15 do not', async () => {
      const manager = await api.world.newUser(Role.MANAGER);
      const pages = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `p${i}: ${PEPIN_PAGE}`).join(' ')} }`;
      const auth = { authorization: `Bearer ${manager.token}` };
      const fourteen = await post(api, pages(14), {}, auth);
      expect(fourteen.status).toBe(200);
      expect(fourteen.body.errors).toBeUndefined();
      expectRefused(await post(api, pages(15), {}, auth), 'QUERY_TOO_COMPLEX');
    });

    it('caps connection page sizes at 100 (BAD_USER_INPUT beyond)', async () => {
      const manager = await api.world.newUser(Role.MANAGER);
      const auth = { authorization: `Bearer ${manager.token}` };
      for (const field of ['pepins', 'proposals', 'releases', 'notifications']) {
        const ok = await post(api, `{ ${field}(first: 100) { pageInfo { hasNextPage } } }`, {}, auth);
        expect(ok.body.errors).toBeUndefined();
        const over = await post(api, `{ ${field}(first: 101) { pageInfo { hasNextPage } } }`, {}, auth);
        expect(over.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('document size', () => {
    it('refuses a document of more than 5,000 tokens with DOCUMENT_TOO_LARGE, without parsing it all', async () => {
      // Each status of the default list is a token; the rest of the document is 29.
      const manager = await api.world.newUser(Role.MANAGER);
      const withStatuses = (count: number) =>
        `query($s: [PepinStatus!] = [${'NEW '.repeat(count)}]) { pepins(filter: { statuses: $s }) { totalCount } }`;
      const response = await post(api, withStatuses(4_980), {}, { 'accept-language': 'en' });
      expectRefused(response, 'DOCUMENT_TOO_LARGE');
      expect(response.body.errors?.[0]?.message).toBe('The GraphQL document has more than 5000 tokens.');
      expectRefused(await post(api, `{ ${'__typename '.repeat(20_000)}}`), 'DOCUMENT_TOO_LARGE');
      const under = await post(api, withStatuses(4_970), {}, { authorization: `Bearer ${manager.token}` });
      expect(under.body.errors).toBeUndefined();
      expect(under.status).toBe(200);
    });

    it('refuses a request body over 256 kB with 413 PAYLOAD_TOO_LARGE, variables included', async () => {
      const response = await post(api, 'query($x: String) { __typename }', { x: 'x'.repeat(300 * 1024) });
      expect(response.status).toBe(413);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('subscriptions over graphql-ws', () => {
    it('apply the same alias and token limits', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      const client = createClient({
        url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${operator.token}`, language: 'en' },
        retryAttempts: 0,
      });
      try {
        const codeOf = async (query: string) => {
          const watch = watchSubscription(client, query);
          await eventually(() => watch.failure() !== undefined);
          const errors = watch.failure() as readonly GraphqlError[];
          const code = errors[0]?.extensions?.code;
          if (code) rejected[code] = (rejected[code] ?? 0) + 1;
          return [code, errors[0]?.message];
        };
        expect(await codeOf(`subscription { notificationAdded { ${Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ')} } }`)).toEqual([
          'TOO_MANY_ALIASES',
          'The query uses 16 aliases; at most 15 are allowed.',
        ]);
        expect(await codeOf(`subscription { notificationAdded { ${'id '.repeat(5_000)}} }`)).toEqual([
          'DOCUMENT_TOO_LARGE',
          'The GraphQL document has more than 5000 tokens.',
        ]);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('what the server never shows', () => {
    it('masks a database failure as INTERNAL_SERVER_ERROR with the request id: no SQL, no stack', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      const queries = api.app.get(PepinQueries);
      const spy = jest
        .spyOn(queries, 'similarPepins')
        .mockRejectedValue(new QueryFailedError('SELECT "reporter_id" FROM "pepin" WHERE secret = $1', ['s3cr3t'], new Error('relation "pepin" is locked')));
      try {
        const response = await post(api, '{ similarPepins(text: "remboursement") { id } }', {}, {
          authorization: `Bearer ${operator.token}`,
          'x-request-id': 'sql-probe-1',
        });
        expect(response.body.errors?.[0]).toEqual({
          message: 'Une erreur inattendue s’est produite (référence sql-probe-1).',
          locations: [{ line: 1, column: 3 }],
          path: ['similarPepins'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal' },
        });
        expect(response.text).not.toMatch(/SELECT|reporter_id|s3cr3t|locked|QueryFailedError|stacktrace|\.ts:\d+/i);
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses text with a NUL character (PostgreSQL cannot store it) as BAD_USER_INPUT, not as a database failure', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      const auth = { authorization: `Bearer ${operator.token}`, 'accept-language': 'en' };
      const probes: [string, Record<string, unknown>][] = [
        ['query($text: String!) { similarPepins(text: $text) { id } }', { text: 'remboursement \u0000 refusé' }],
        ['{ similarPepins(text: "remboursement \\u0000 refusé") { id } }', {}],
        [
          'mutation($input: FilePepinInput!) { filePepin(input: $input) { id } }',
          { input: { title: 'Remboursement\u0000', description: 'Le client a reçu un colis abîmé et la règle bloque.', noRuleApplies: true } },
        ],
      ];
      for (const [query, variables] of probes) {
        const response = await post(api, query, variables, auth);
        expect(response.status).toBe(400);
        expect(response.body.errors?.[0]).toEqual({
          message: 'The text sent contains a NUL character (U+0000), which is not accepted.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'nulCharacter' },
        });
        expect(response.text).not.toMatch(/SELECT|INSERT|QueryFailedError|invalid byte sequence|0x00|stacktrace|\.ts:\d+/i);
      }
    });
  });

  describe('every operation the console sends', () => {
    it('stays within the depth, alias and cost limits, with every page at its largest', () => {
      const schema = api.app.get(GraphQLSchemaHost).schema;
      const documents = Object.entries(consoleDocuments).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];
      expect(documents.length).toBeGreaterThan(40);
      const costs: Record<string, number> = {};
      for (const [name, document] of documents) {
        expect([name, validate(schema, document, queryLimitRules(DEFAULT_LIMITS)).map((error) => error.message)]).toEqual([name, []]);
        const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
        const variables = Object.fromEntries(
          (operation?.variableDefinitions ?? []).map((definition) => {
            const type = typeFromAST(schema, definition.type as never) as GraphQLInputType;
            return [definition.variable.name.value, sample(schema, type, definition.variable.name.value)];
          }),
        );
        costs[name] = getComplexity({ schema, query: document, variables, estimators: [pagedCost, simpleEstimator({ defaultComplexity: 1 })] });
      }
      const [costliest, cost] = Object.entries(costs).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      console.log(`console operations: ${documents.length}, costliest ${costliest} = ${cost} (limit ${DEFAULT_LIMITS.maxCost})`);
      expect(cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    });
  });
});

const pagedCost = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }) =>
  typeof args['first'] === 'number' ? 1 + childComplexity * Math.max(1, args['first']) : undefined;

/** A value of an input type, the largest page where a page size is asked. */
function sample(schema: GraphQLSchema, type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(schema, type.ofType, name);
  if (isListType(type)) return [sample(schema, type.ofType as GraphQLInputType, name)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(schema, field.type, field.name)]),
    );
  }
  switch (named.name) {
    case 'Int':
      return /^(first|last|limit)$/.test(name) ? 100 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'DateTime':
      return '2026-01-01T00:00:00.000Z';
    case 'JSONObject':
      return {};
    default:
      return 'x';
  }
}

describe('GraphQL in production (NODE_ENV=production)', () => {
  let api: TestApi;
  let dev: TestApi;
  beforeAll(async () => {
    const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    api = await startTestApi({ NODE_ENV: 'production', RULEBOOK_SIGNING_KEY: signingKey });
    dev = await startTestApi({}, { database: api.database });
  });
  afterAll(async () => {
    await dev.close();
    await api.close();
  });

  it('refuses introspection (__schema and __type) with GRAPHQL_VALIDATION_FAILED', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Pepin") { fields { name } } }']) {
      const response = await post(api, query);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.text).not.toContain('"fields"');
    }
    expect((await post(dev, '{ __schema { queryType { name } } }')).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves no GraphiQL page', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(text).not.toMatch(/graphiql/i);
  });

  it('gives no "Did you mean" hint for a misspelled field, argument, type, input field or enum value', async () => {
    const operator = await api.world.newUser(Role.OPERATOR);
    const auth = { authorization: `Bearer ${operator.token}` };
    const probes: [string, Record<string, unknown>][] = [
      ['{ pepinz { totalCount } }', {}],
      ['{ pepins(frist: 10) { totalCount } }', {}],
      ['query($f: PepinFiltr) { pepins(filter: $f) { totalCount } }', {}],
      ['{ pepins(filter: { statuses: [NEWW] }) { totalCount } }', {}],
      ['query($f: PepinFilter) { pepins(filter: $f) { totalCount } }', { f: { statuses: ['NEWW'] } }],
      ['query($f: PepinFilter) { pepins(filter: $f) { totalCount } }', { f: { statusess: ['NEW'] } }],
      ['mutation($i: FilePepinInput!) { filePepin(input: $i) { id } }', { i: { titel: 'Remboursement', description: 'x'.repeat(30) } }],
    ];
    for (const [query, variables] of probes) {
      const inDevelopment = await post(dev, query, variables, auth);
      expect(inDevelopment.text).toContain('Did you mean');
      const inProduction = await post(api, query, variables, auth);
      expect(inProduction.body.errors?.length).toBeGreaterThan(0);
      expect(inProduction.text).not.toMatch(/Did you mean|Vouliez-vous/i);
      expect(inProduction.body.errors?.[0]?.extensions?.code).toBe(inDevelopment.body.errors?.[0]?.extensions?.code);
    }
  });

  it('keeps the limits and masks errors the same way', async () => {
    // (__type is introspection, refused too in production: both errors are reported.)
    const deep = await post(api, nestedTypeQuery(11));
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.map((error) => error.extensions?.code)).toContain('QUERY_TOO_DEEP');
    expectRefused(await post(api, `{ ${aliases(16)} }`), 'TOO_MANY_ALIASES');
    const response = await post(api, 'mutation { login(email: "nobody@test.pepite", password: "whatever") { accessToken } }');
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalidCredentials' });
    expect(response.text).not.toMatch(/stacktrace/);
  });
});
