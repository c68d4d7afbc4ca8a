import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import {
  CALLERS,
  Fresh,
  MATRIX,
  type Caller,
  type MatrixEntry,
  type MatrixWorld,
  type OperationCase,
  type Outcome,
} from './authorization/matrix';
import { AUTHORIZATION_DOC, renderAuthorizationDoc } from './authorization/render';

const ROOT = path.resolve(__dirname, '../..');
const RULE_KEY = 'REFUND-001';

let api: TestApi;
let world: MatrixWorld;

beforeAll(async () => {
  api = await startTestApi();
  const release = await api.app
    .get(RulebookPublisher)
    .publish({ changes: [{ kind: 'CREATE', rule: sampleRule(RULE_KEY) }] });
  const site = await api.world.newSite();
  const otherSite = await api.world.newSite();
  const [operator, otherOperator, manager, coManager, otherSiteManager, admin] = await Promise.all([
    api.world.newUser(Role.OPERATOR, { site }),
    api.world.newUser(Role.OPERATOR, { site }),
    api.world.newUser(Role.MANAGER, { site }),
    api.world.newUser(Role.MANAGER, { site }),
    api.world.newUser(Role.MANAGER, { site: otherSite }),
    api.world.newUser(Role.ADMIN, { site }),
  ]);
  const base = {
    site,
    otherSite,
    users: { operator, otherOperator, manager, otherSiteManager, admin },
    coManager,
    ruleKey: RULE_KEY,
    releaseVersion: release.version,
    pepinId: '',
    proposalId: '',
    votedProposalId: '',
  };
  const fresh = new Fresh(api, base);
  world = {
    ...base,
    pepinId: (await api.world.newPepin(operator, { noRuleApplies: true })).id,
    proposalId: await fresh.proposal(),
    votedProposalId: await fresh.votedProposal(),
  };
});
afterAll(() => api?.close());

function tokenOf(caller: Caller): string | undefined {
  return caller === 'anonymous' ? undefined : (world.users[caller] as TestUser).token;
}

async function queryOutcome(operation: OperationCase, token: string | undefined): Promise<Outcome> {
  const response = await api.graphql.request(operation.document, operation.variables ?? {}, { token });
  if (response.errors?.length) return response.errors[0]?.extensions?.code ?? `no code: ${response.errors[0]?.message}`;
  return response.data ? 'ok' : `HTTP ${response.status} without data`;
}

/** Over graphql-ws: allowed when the connection is acknowledged and the subscription stays up. */
async function subscriptionOutcome(operation: OperationCase, token: string | undefined): Promise<Outcome> {
  let connected = false;
  let failure: unknown;
  const client = createClient({
    url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    on: { connected: () => void (connected = true) },
  });
  try {
    client.subscribe(
      { query: operation.document, variables: operation.variables },
      {
        // A resolver's refusal (e.g. pepinChanged's NOT_FOUND) comes as a result carrying errors.
        next: (result) => void (result.errors?.length ? (failure = result.errors) : undefined),
        error: (error) => void (failure = error),
        complete: () => undefined,
      },
    );
    const deadline = Date.now() + 5_000;
    let settledAt: number | undefined;
    while (failure === undefined && Date.now() < deadline) {
      if (connected) settledAt ??= Date.now();
      // Acknowledged and not refused 200 ms later: the subscription is running.
      if (settledAt !== undefined && Date.now() - settledAt > 200) return 'ok';
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (failure === undefined) return 'no answer';
    if (Array.isArray(failure))
      return (failure[0] as { extensions?: { code?: string } })?.extensions?.code ?? 'error without code';
    const code = (failure as { code?: number }).code;
    if (code === 4401) return 'UNAUTHENTICATED';
    if (code === 4403) return 'FORBIDDEN';
    return `closed ${code}`;
  } finally {
    await client.dispose();
  }
}

async function outcomeOf(entry: MatrixEntry, caller: Caller): Promise<Outcome> {
  let operation: OperationCase;
  try {
    operation = await entry.build({ api, world, caller, fresh: new Fresh(api, world) });
  } catch (error) {
    return `case could not be built: ${(error as Error).message}`;
  }
  return entry.kind === 'Subscription'
    ? subscriptionOutcome(operation, tokenOf(caller))
    : queryOutcome(operation, tokenOf(caller));
}

describe('authorisation matrix (docs/authorization.md)', () => {
  it('lists every operation of the schema, once, and nothing else', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const inSchema = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter(isObjectType)
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`))
      .sort();
    const inMatrix = MATRIX.map((entry) => `${entry.kind}.${entry.name}`).sort();
    expect({ missingFromMatrix: inSchema.filter((name) => !inMatrix.includes(name)) }).toEqual({
      missingFromMatrix: [],
    });
    expect(inMatrix).toEqual(inSchema);
  });

  it('answers every caller of every operation as the matrix says', async () => {
    // One operation at a time (two dozen mutations at once can outwait the test database's pool),
    // its callers at once, each on their own fresh objects; a publication's callers one after the
    // other, since each moves the rulebook that the next one builds on.
    const mismatches: string[] = [];
    const actual: string[] = [];
    for (const entry of MATRIX) {
      const outcomes: Outcome[] = [];
      if (entry.sequential) for (const caller of CALLERS) outcomes.push(await outcomeOf(entry, caller));
      else outcomes.push(...(await Promise.all(CALLERS.map((caller) => outcomeOf(entry, caller)))));
      actual.push(`${entry.kind}.${entry.name}: ${outcomes.join(' ')}`);
      CALLERS.forEach((caller, i) => {
        if (outcomes[i] !== entry.expected[caller]) {
          mismatches.push(
            `${entry.kind}.${entry.name} as ${caller}: expected ${entry.expected[caller]}, got ${outcomes[i]}`,
          );
        }
      });
    }
    if (process.env['AUTHORIZATION_MATRIX_DUMP'] === '1') console.log(actual.join('\n'));
    expect(mismatches).toEqual([]);
    // Every operation, one after the other: minutes on a loaded machine.
  }, 600_000);

  it(`${AUTHORIZATION_DOC} is the matrix rendered (UPDATE_AUTHORIZATION_DOC=1 rewrites it)`, async () => {
    const rendered = renderAuthorizationDoc(MATRIX);
    const file = path.join(ROOT, AUTHORIZATION_DOC);
    if (process.env['UPDATE_AUTHORIZATION_DOC'] === '1') await writeFile(file, rendered);
    expect(await readFile(file, 'utf8').catch(() => '(missing)')).toBe(rendered);
  });
});
