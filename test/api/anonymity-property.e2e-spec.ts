import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { Role } from '@pepite/api/identity';
import { CustomerImpact, PepinFiling } from '@pepite/api/pepins';
import { authenticated, startTestApi, type GraphqlResponse, type TestApi, type TestUser } from '@pepite/test-support';
import {
  attack,
  attackWindows,
  filersFigures,
  filersQuery,
  type FilersFigure,
  type SeenPepin,
} from './anonymity/insights-attacker';
import { normalise, objectsIn, prng, selection } from './anonymity/manager-view';
import { publishRules, SUPPORT_PEPIN } from '../support/pepin-graphql';
import { amendStatement, CREATE_PROPOSAL } from '../support/proposal-graphql';

/*
 * Property: what managers (and admins) can read is a function of what was written, never of
 * which anonymous operator wrote it (docs/design.md, Anonymity; libs/api/pepins/README.md).
 *
 * Each run builds one random scenario twice, on two fresh sites ("worlds") of one API:
 * operators 0–2 never sign anything (the anonymous pool), operator 3 signs or not at
 * random. In the second world every act of the pool (filing, "me too", reply) is done by
 * σ(operator) for a random permutation σ of the pool; everything else is the same, in the
 * same order. Then a random set of manager and admin reads (random field selections,
 * filters, orders, page sizes) and error probes runs on both, and:
 *  1. no response or error text of either world contains the id, email or display name of
 *     an operator who signed nothing;
 *  2. no pépin object in a response names its reporter unless that pépin is signed;
 *  3. the two transcripts are equal once the people, ids, references, times and cursors of
 *     each world are replaced by placeholders (operators by their index).
 *
 * Left out: double écoutes (they reveal the operator to the chosen manager by design), and
 * counts of distinct people in insights, which depend on how many different operators acted
 * (by design, folded under three): σ is a bijection of the pool, so those counts are equal
 * in both worlds and are compared, but "one person filed twice" against "two people filed
 * once" is not. Timing is a documented limit: times are normalised away.
 *
 * Reproduce: FC_SEED=<seed> [FC_PATH=<path>] [FC_RUNS=n] [FC_SHRINK=1] npx jest test/api/anonymity-property --selectProjects e2e
 */

const POOL = 3;
const SIGNERS = 1;
const OPERATORS = POOL + SIGNERS;
const RULES = ['PROP-REFUND-001', 'PROP-REFUND-002', 'PROP-DELIVERY-001'];
const CATEGORIES = ['Remboursements', 'Livraisons'];
const WORDS = [
  'remboursement',
  'colis',
  'abîmé',
  'carte',
  'fidélité',
  'livraison',
  'retard',
  'avoir',
  'client',
  'facture',
];
const IMPACTS = Object.values(CustomerImpact);
const STATUSES = ['NEW', 'ACKNOWLEDGED', 'DECLINED', 'DUPLICATE', 'IN_DESIGN'] as const;
const ORDERS = ['ACK_DUE_SOONEST', 'MOST_SUPPORTED', 'NEWEST', 'OLDEST'] as const;

let api: TestApi;
let schema: GraphQLSchema;
let admin: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  api = await startTestApi({ LOGIN_LIMIT_PER_ADDRESS: '100000' });
  schema = api.app.get(GraphQLSchemaHost).schema;
  await publishRules(api, RULES.slice(0, 2), CATEGORIES[0]);
  await publishRules(api, RULES.slice(2), CATEGORIES[1]);
  admin = await api.world.newUser(Role.ADMIN, { site: await api.world.newSite() });
  outsider = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
});
afterAll(() => api.close());

// ---- The scenario -------------------------------------------------------------------------

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((list) => list.join(' '));

const filingArb = fc.record({
  reporter: fc.nat({ max: OPERATORS - 1 }),
  sign: fc.boolean(),
  title: words(2, 4),
  description: words(4, 8),
  impact: fc.option(fc.constantFrom(...IMPACTS), { nil: null }),
  rule: fc.option(fc.constantFrom(...RULES), { nil: null }),
  callReference: fc.boolean(),
});

const selectionSeed = fc.option(fc.nat(), { nil: null });

const queryArb = fc.oneof(
  fc.record({
    kind: fc.constant('queue' as const),
    orderBy: fc.constantFrom(...ORDERS),
    first: fc.integer({ min: 1, max: 4 }),
    statuses: fc.option(fc.subarray([...STATUSES], { minLength: 1 }), { nil: null }),
    overdue: fc.option(fc.boolean(), { nil: null }),
    noRuleApplies: fc.option(fc.boolean(), { nil: null }),
    ruleKey: fc.option(fc.constantFrom(...RULES), { nil: null }),
    category: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
    search: fc.option(words(1, 2), { nil: null }),
    team: fc.boolean(),
    filedFrom: fc.option(fc.nat(), { nil: null }),
    seed: selectionSeed,
  }),
  fc.record({ kind: fc.constant('pepin' as const), pepin: fc.nat(), asAdmin: fc.boolean(), seed: selectionSeed }),
  fc.record({
    kind: fc.constant('similar' as const),
    text: words(1, 3),
    description: fc.option(words(2, 5), { nil: null }),
    ruleKey: fc.option(fc.constantFrom(...RULES), { nil: null }),
    first: fc.integer({ min: 1, max: 20 }),
    seed: selectionSeed,
  }),
  fc.record({ kind: fc.constant('insights' as const), seed: selectionSeed }),
  fc.record({
    kind: fc.constant('notifications' as const),
    first: fc.integer({ min: 1, max: 30 }),
    seed: selectionSeed,
  }),
  fc.record({ kind: fc.constant('proposals' as const), seed: selectionSeed }),
  fc.record({ kind: fc.constant('audit' as const), seed: selectionSeed }),
);
type Query = typeof queryArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  pool: fc.shuffledSubarray([0, 1, 2], { minLength: POOL, maxLength: POOL }),
  filings: fc.array(filingArb, { minLength: 2, maxLength: 5 }),
  supports: fc.array(
    fc.record({
      pepin: fc.nat(),
      operator: fc.nat({ max: OPERATORS - 1 }),
      sign: fc.boolean(),
      withdraw: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  conversation: fc.array(
    fc.record({ pepin: fc.nat(), question: words(2, 5), reply: fc.option(words(2, 5), { nil: null }) }),
    {
      maxLength: 3,
    },
  ),
  triage: fc.array(fc.constantFrom('none', 'acknowledge', 'decline'), { minLength: 5, maxLength: 5 }),
  merge: fc.option(fc.record({ from: fc.nat(), into: fc.nat() }), { nil: null }),
  proposal: fc.boolean(),
  queries: fc.array(queryArb, { minLength: 3, maxLength: 7 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** What each operator did sign: their name may show only then. */
function signers(scenario: Scenario): Set<number> {
  const signed = new Set<number>();
  for (const filing of scenario.filings) if (filing.reporter >= POOL && filing.sign) signed.add(filing.reporter);
  for (const support of validSupports(scenario))
    if (support.operator >= POOL && support.sign) signed.add(support.operator);
  return signed;
}

/** Pool operators never sign; a support on one's own pépin, or a second one, is left out. */
function validSupports(scenario: Scenario): { pepin: number; operator: number; sign: boolean; withdraw: boolean }[] {
  const seen = new Set<string>();
  const result = [];
  for (const support of scenario.supports) {
    const pepin = support.pepin % scenario.filings.length;
    const key = `${pepin}/${support.operator}`;
    if (seen.has(key) || scenario.filings[pepin]?.reporter === support.operator) continue;
    seen.add(key);
    result.push({
      pepin,
      operator: support.operator,
      sign: support.operator >= POOL && support.sign,
      withdraw: support.withdraw,
    });
  }
  return result;
}

// ---- One world ----------------------------------------------------------------------------

interface World {
  readonly site: Awaited<ReturnType<TestApi['world']['newSite']>>;
  readonly manager: TestUser;
  readonly operators: TestUser[];
  readonly pepins: { id: string; reference: string; createdAt: string }[];
  readonly proposals: { id: string; reference: string }[];
  /** Manager- and admin-visible responses, in order. */
  readonly transcript: unknown[];
}

function response(r: { data?: unknown; errors?: readonly { message: string; extensions?: unknown }[] }): unknown {
  return {
    data: r.data ?? null,
    errors: (r.errors ?? []).map((error) => ({
      message: error.message,
      code: (error.extensions as { code?: string })?.code,
    })),
  };
}

interface People {
  readonly site: World['site'];
  readonly manager: TestUser;
  readonly operators: TestUser[];
}

/** A fresh site with its manager and operators (created in parallel: password hashing is slow). */
async function people(): Promise<People> {
  const site = await api.world.newSite();
  const [manager, ...operators] = await Promise.all([
    api.world.newUser(Role.MANAGER, { site }),
    ...Array.from({ length: OPERATORS }, () => api.world.newUser(Role.OPERATOR, { site })),
  ]);
  return { site, manager: manager as TestUser, operators };
}

async function build(scenario: Scenario, permuted: boolean, { site, manager, operators }: People): Promise<World> {
  // The one who acts as operator `index` in this world.
  const actor = (index: number): TestUser =>
    operators[permuted && index < POOL ? (scenario.pool[index] as number) : index] as TestUser;
  const world: World = { site, manager, operators, pepins: [], proposals: [], transcript: [] };
  const asManager = async (query: string, variables: Record<string, unknown>, user: TestUser = manager) =>
    world.transcript.push(response(await api.graphql.request(query, variables, { token: user.token })));

  for (const [index, filing] of scenario.filings.entries()) {
    const view = await api.world.newPepin(actor(filing.reporter), {
      title: `${filing.title} ${index}`,
      description: `Le client demandait : ${filing.description}.`,
      signed: filing.reporter >= POOL && filing.sign,
      ...(filing.impact ? { customerImpact: filing.impact } : {}),
      ...(filing.rule ? { ruleKey: filing.rule } : { noRuleApplies: true }),
      ...(filing.callReference ? { callReference: `CALL-${index}` } : {}),
    });
    world.pepins.push({ id: view.id, reference: view.reference, createdAt: view.createdAt.toISOString() });
  }
  const pepinId = (n: number) => (world.pepins[n % world.pepins.length] as { id: string }).id;

  for (const support of validSupports(scenario)) {
    const answer = await api.graphql.request(
      SUPPORT_PEPIN,
      { id: pepinId(support.pepin), signed: support.sign },
      { token: actor(support.operator).token },
    );
    if (answer.errors?.length) throw new Error(`support failed: ${JSON.stringify(answer.errors)}`);
  }
  // Some take their support back; then each pépin's reporter and an operator who never
  // supported it try to withdraw: both answers go in the transcript (they must not differ).
  const withdraw = 'mutation($id: ID!) { withdrawSupport(id: $id) { id supportCount } }';
  for (const support of validSupports(scenario).filter((entry) => entry.withdraw)) {
    const answer = await api.graphql.request(
      withdraw,
      { id: pepinId(support.pepin) },
      { token: actor(support.operator).token },
    );
    if (answer.errors?.length) throw new Error(`withdrawal failed: ${JSON.stringify(answer.errors)}`);
  }
  for (const [n, filing] of scenario.filings.entries()) {
    const supporters = new Set(
      validSupports(scenario)
        .filter((entry) => entry.pepin === n)
        .map((entry) => entry.operator),
    );
    const stranger = Array.from({ length: OPERATORS }, (_, index) => index).find(
      (index) => index !== filing.reporter && !supporters.has(index),
    );
    const probes = [filing.reporter, ...(stranger === undefined ? [] : [stranger])];
    const answers = [];
    for (const index of probes)
      answers.push(response(await api.graphql.request(withdraw, { id: pepinId(n) }, { token: actor(index).token })));
    if (answers.length === 2) expect(answers[0]).toEqual(answers[1]);
    world.transcript.push(answers[0]);
  }
  for (const line of scenario.conversation) {
    const n = line.pepin % world.pepins.length;
    await asManager(
      'mutation($id: ID!, $body: String!) { askReporter(pepinId: $id, body: $body) { id author authorKind body } }',
      {
        id: pepinId(n),
        body: line.question,
      },
    );
    if (line.reply) {
      const reporter = actor((scenario.filings[n] as { reporter: number }).reporter);
      const answer = await api.graphql.request(
        'mutation($id: ID!, $body: String!) { replyToManagers(pepinId: $id, body: $body) { id } }',
        { id: pepinId(n), body: line.reply },
        { token: reporter.token },
      );
      if (answer.errors?.length) throw new Error(`reply failed: ${JSON.stringify(answer.errors)}`);
    }
  }
  const triaged = `status supportCount signed reporter { id displayName } supporters { id displayName } history { kind actorRole actorLabel message }`;
  for (const [n, action] of scenario.triage.slice(0, world.pepins.length).entries()) {
    if (action === 'acknowledge') {
      await asManager(`mutation($id: ID!) { acknowledgePepin(id: $id, message: "On regarde.") { ${triaged} } }`, {
        id: pepinId(n),
      });
    } else if (action === 'decline') {
      await asManager(
        `mutation($id: ID!) { declinePepin(id: $id, reason: "La procédure actuelle couvre déjà ce cas.") { ${triaged} } }`,
        {
          id: pepinId(n),
        },
      );
    }
  }
  if (scenario.merge) {
    await asManager(
      `mutation($id: ID!, $into: ID!) { markDuplicate(id: $id, duplicateOf: $into) { ${triaged} duplicateOf { id reference } } }`,
      {
        id: pepinId(scenario.merge.from),
        into: pepinId(scenario.merge.into),
      },
    );
  }
  const acknowledged = scenario.triage
    .slice(0, world.pepins.length)
    .flatMap((action, n) => (action === 'acknowledge' && scenario.merge?.from !== n ? [pepinId(n)] : []));
  if (scenario.proposal && acknowledged.length > 0) {
    const answer = await api.graphql.request<{ createProposal: { id: string; reference: string } }>(
      CREATE_PROPOSAL,
      {
        input: {
          pepinIds: acknowledged,
          title: 'Une règle plus simple pour ces cas',
          rationale:
            'Les clients attendent trop longtemps pour de petites sommes : la règle coûte plus qu’elle ne protège.',
          changes: [amendStatement(RULES[0] as string, 'Rembourser sans justificatif sous 30 €.')],
        },
      },
      { token: manager.token },
    );
    world.transcript.push(response(answer));
    if (answer.data?.createProposal) world.proposals.push(answer.data.createProposal);
  }

  for (const query of scenario.queries) await read(world, query, asManager);

  // Error probes: another site's manager, a merge onto itself, an admin reading another site's insights.
  for (const [n, pepin] of world.pepins.entries()) {
    await asManager('query($id: ID!) { pepin(id: $id) { id title } }', { id: pepin.id }, outsider);
    const probe =
      n % 2 === 0
        ? (['mutation($id: ID!) { acknowledgePepin(id: $id) { id } }', outsider] as const)
        : (['mutation($id: ID!) { markDuplicate(id: $id, duplicateOf: $id) { id } }', world.manager] as const);
    await asManager(probe[0], { id: pepin.id }, probe[1]);
  }
  await asManager('query($site: ID) { insights(siteId: $site) { siteId } }', { site: outsider.siteId });
  return world;
}

async function read(
  world: World,
  query: Query,
  ask: (query: string, variables: Record<string, unknown>, user?: TestUser) => Promise<unknown>,
): Promise<void> {
  const fields = (type: string) => selection(schema, type, query.seed);
  switch (query.kind) {
    case 'queue': {
      const filter = {
        ...(query.statuses ? { statuses: query.statuses } : {}),
        ...(query.overdue !== null ? { overdue: query.overdue } : {}),
        ...(query.noRuleApplies !== null ? { noRuleApplies: query.noRuleApplies } : {}),
        ...(query.ruleKey ? { ruleKey: query.ruleKey } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.search ? { search: query.search } : {}),
        ...(query.team ? { teamId: world.site.team.id } : {}),
        ...(query.filedFrom !== null
          ? { filedFrom: world.pepins[query.filedFrom % world.pepins.length]?.createdAt }
          : {}),
      };
      const text = `query($filter: PepinFilter, $orderBy: PepinOrder!, $first: Int!, $after: String) {
        pepins(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
          ${fields('PepinConnection')} pageInfo { hasNextPage endCursor } } }`;
      let after: string | null = null;
      type Page = { pepins: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      for (let page = 0; page < 5; page++) {
        const answer: GraphqlResponse<Page> = await api.graphql.request<Page>(
          text,
          { filter, orderBy: query.orderBy, first: query.first, after },
          { token: world.manager.token },
        );
        world.transcript.push(response(answer));
        const info: Page['pepins']['pageInfo'] | undefined = answer.data?.pepins.pageInfo;
        if (!info?.hasNextPage) break;
        after = info.endCursor;
      }
      return;
    }
    case 'pepin': {
      const id = world.pepins[query.pepin % world.pepins.length]?.id;
      await ask(`query($id: ID!) { pepin(id: $id) { ${fields('Pepin')} } }`, { id }, query.asAdmin ? admin : undefined);
      return;
    }
    case 'similar':
      await ask(
        `query($text: String!, $description: String, $ruleKey: String, $first: Int!) {
          similarPepins(text: $text, description: $description, ruleKey: $ruleKey, first: $first) { ${fields('SimilarPepin')} }
        }`,
        {
          text: query.text,
          description: query.description,
          ruleKey: query.ruleKey,
          first: query.first,
        },
      );
      return;
    case 'insights':
      await ask(`query { insights { ${fields('Insights')} } }`, {});
      return;
    case 'notifications':
      await ask(`query($first: Int!) { notifications(first: $first) { ${fields('NotificationConnection')} } }`, {
        first: query.first,
      });
      return;
    case 'proposals':
      await ask(`query { proposals(first: 20) { ${fields('ProposalConnection')} } }`, {});
      for (const proposal of world.proposals) {
        await ask(`query($id: ID!) { proposal(id: $id) { ${fields('Proposal')} } }`, { id: proposal.id });
      }
      return;
    case 'audit':
      await ask(
        `query($filter: AuditFilter) { auditLog(first: 50, filter: $filter) { ${fields('AuditEntryConnection')} } }`,
        { filter: { actorId: world.manager.id } },
        admin,
      );
      return;
  }
}

// ---- The property -------------------------------------------------------------------------

function identifiers(user: TestUser): string[] {
  return [user.id, user.email, user.displayName];
}

function placeholders(world: World): [string, string][] {
  return [
    ...world.operators.flatMap((user, i) =>
      identifiers(user).map((value) => [value, `<operator ${i}>`] as [string, string]),
    ),
    ...identifiers(world.manager).map((value) => [value, '<manager>'] as [string, string]),
    [world.site.site.id, '<site>'],
    [world.site.site.name, '<site name>'],
    [world.site.team.id, '<team>'],
    [world.site.team.name, '<team name>'],
    ...world.pepins.flatMap((pepin, i): [string, string][] => [
      [pepin.id, `<pepin ${i}>`],
      [pepin.reference, `<pepin ref ${i}>`],
    ]),
    ...world.proposals.flatMap((proposal, i): [string, string][] => [
      [proposal.id, `<proposal ${i}>`],
      [proposal.reference, `<proposal ref ${i}>`],
    ]),
  ];
}

function checkWorld(scenario: Scenario, world: World, permuted: boolean, signed: Set<number>): void {
  const text = JSON.stringify(world.transcript);
  // (1) and (2): no text names an operator who signed nothing, errors included.
  for (let index = 0; index < OPERATORS; index++) {
    const user = world.operators[permuted && index < POOL ? (scenario.pool[index] as number) : index] as TestUser;
    if (signed.has(index)) continue;
    for (const secret of identifiers(user)) {
      if (text.includes(secret)) {
        throw new Error(
          `world ${permuted ? 'B' : 'A'}: operator ${index} signed nothing, yet "${secret}" appears in: ${excerpt(text, secret)}`,
        );
      }
    }
  }
  // A pépin object names its reporter only when signed.
  const unsigned = new Map<string, TestUser>();
  scenario.filings.forEach((filing, n) => {
    if (!(filing.reporter >= POOL && filing.sign)) {
      const index = filing.reporter;
      unsigned.set(
        world.pepins[n]?.id as string,
        world.operators[permuted && index < POOL ? (scenario.pool[index] as number) : index] as TestUser,
      );
    }
  });
  for (const object of objectsIn(world.transcript)) {
    const reporter = typeof object.id === 'string' ? unsigned.get(object.id) : undefined;
    if (!reporter) continue;
    const node = JSON.stringify(object);
    for (const secret of identifiers(reporter)) {
      if (node.includes(secret)) throw new Error(`unsigned pépin ${object.id} names its reporter (${secret}): ${node}`);
    }
  }
}

function excerpt(text: string, secret: string): string {
  const at = text.indexOf(secret);
  return text.slice(Math.max(0, at - 400), at + secret.length + 200);
}

/**
 * Seeds replayed on every run before a random one (issue 21), so that scenarios that once
 * broke the property keep being checked after the random seed has moved on. Add the seed and
 * path printed by a failure here with the fix (`[seed, path]`: the path replays that one
 * counterexample; `[seed, undefined]` replays all FC_RUNS scenarios of the seed). No failure
 * of this property was ever recorded with its seed (git log and the reports name none), so
 * the list starts with the seeds of two passing runs on 2026-12-05: a fixed set of scenarios
 * always among those checked, until real counterexamples join them.
 */
const PROPERTY_REGRESSIONS: [number, string | undefined][] = [
  [1043135649, undefined],
  [1321779725, undefined],
];

function randomSeed(): number {
  return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

describe('the manager view is a function of the content, not of which anonymous operator acted', () => {
  const seeds: [number, string | undefined][] = [
    ...(process.env.FC_SEED ? [] : PROPERTY_REGRESSIONS),
    [process.env.FC_SEED ? Number(process.env.FC_SEED) : randomSeed(), process.env.FC_PATH],
  ];
  it.each(seeds)(
    'holds for the scenarios and reads of seed %s (path %s)',
    async (seed, path) => {
      let next: Promise<[People, People]> | undefined;
      const property = fc.asyncProperty(scenarioArb, async (scenario) => {
        const signed = signers(scenario);
        // The next run's people are made while this one runs; the two worlds are built side by side.
        const [left, right] = await (next ?? Promise.all([people(), people()]));
        next = Promise.all([people(), people()]);
        const [a, b] = await Promise.all([build(scenario, false, left), build(scenario, true, right)]);
        checkWorld(scenario, a, false, signed);
        checkWorld(scenario, b, true, signed);
        // (3) The same reads give the same answers once each world's own ids are placeholders.
        const seenA = normalise(a.transcript, placeholders(a));
        const seenB = normalise(b.transcript, placeholders(b));
        if (seenA !== seenB) {
          const at = [...seenA].findIndex((char, i) => char !== seenB[i]);
          throw new Error(
            `the manager view depends on who filed (σ = ${JSON.stringify(scenario.pool)}):\n` +
              `A: …${seenA.slice(Math.max(0, at - 600), at + 300)}\nB: …${seenB.slice(Math.max(0, at - 600), at + 300)}`,
          );
        }
      });
      try {
        await fc.assert(property, {
          seed,
          path,
          numRuns: path ? 1 : Number(process.env.FC_RUNS ?? 15),
          endOnFailure: process.env.FC_SHRINK !== '1',
        });
      } catch (error) {
        console.error(
          `anonymity property failed: reproduce with FC_SEED=${seed}; once fixed, add [seed, path] (the path is in the error) to PROPERTY_REGRESSIONS`,
        );
        throw error;
      } finally {
        await next;
      }
    },
    300_000,
  );
});

// ---- The attacker -------------------------------------------------------------------------

/*
 * Issue 14: a manager who differences `insights` over windows of their choice (1 ms apart
 * around each filing, between filings) and reasons about every way the unsigned pépins could
 * have been filed (./anonymity/insights-attacker.ts). Pépins are filed at random times over the
 * last four months (backdated through the use case, as the demo does). Property: nothing the
 * manager is shown proves that an unsigned pépin shares its author with another pépin, nor who
 * its author is.
 *
 * Seeds that once found a link are replayed on every run (ATTACK_REGRESSIONS), then a random
 * one. ATTACK_TALLY=1 runs them all without stopping and prints how many links were found.
 */

/** [seed, path] of counterexamples found on the code before the fix (links, named authors). */
const ATTACK_REGRESSIONS: [number, string][] = [
  [1666564591, '3'],
  [768449689, '2'],
];

const attackArb = fc.record({
  filings: fc.array(
    fc.record({
      reporter: fc.nat({ max: OPERATORS - 1 }),
      sign: fc.boolean(),
      daysAgo: fc.integer({ min: 0, max: 120 }),
      ms: fc.nat({ max: 86_399_999 }),
    }),
    { minLength: 4, maxLength: 7 },
  ),
  windows: fc.nat(),
});
type Attack = typeof attackArb extends fc.Arbitrary<infer T> ? T : never;

const tally = { runs: 0, queries: 0, pepins: 0, unsigned: 0, linked: 0, named: 0, links: 0 };

async function runAttack(scenario: Attack): Promise<void> {
  const { manager, operators } = await people();
  const day = 86_400_000;
  const midnight = Math.floor(Date.now() / day) * day;
  const seen: SeenPepin[] = [];
  for (const [i, filing] of scenario.filings.entries()) {
    const at = Math.min(midnight - filing.daysAgo * day + filing.ms, Date.now() - 1000 - i);
    const signed = filing.reporter >= POOL && filing.sign;
    await api.app
      .get(PepinFiling)
      .filePepin(
        authenticated(operators[filing.reporter] as TestUser),
        { title: `Pépin ${i}`, description: 'La règle ne prévoit pas ce cas.', signed, noRuleApplies: true },
        { at: new Date(at) },
      );
    seen.push({ at, signedBy: signed ? filing.reporter : null });
  }
  const query = filersQuery(schema);
  const windows = attackWindows(
    seen.map((pepin) => pepin.at),
    prng(scenario.windows),
  );
  const figures: FilersFigure[] = [];
  for (const [from, to] of windows) {
    const answer = await api.graphql.ok<{ insights: Parameters<typeof filersFigures>[0] }>(
      query,
      { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      { token: manager.token },
    );
    figures.push(...filersFigures(answer.insights));
  }
  const result = attack(seen, figures, OPERATORS);
  if (result.consistent === 0)
    throw new Error(`the attacker's model of insights is wrong: ${JSON.stringify({ seen, figures })}`);
  const linked = new Set([...result.links.map(([p]) => p), ...result.named.map(([p]) => p)]);
  const pairs = new Set(result.links.map(([p, q]) => [Math.min(p, q), Math.max(p, q)].join('/')));
  tally.runs++;
  tally.queries += windows.length;
  tally.pepins += seen.length;
  tally.unsigned += seen.filter((pepin) => pepin.signedBy === null).length;
  tally.linked += linked.size;
  tally.named += result.named.length;
  tally.links += pairs.size;
  if (linked.size > 0 && process.env.ATTACK_TALLY !== '1') {
    throw new Error(
      `${windows.length} insights queries linked ${linked.size} unsigned pépin(s) to their author: ` +
        `same author ${JSON.stringify(result.links)}, named ${JSON.stringify(result.named)}; ` +
        `pépins ${JSON.stringify(seen)}`,
    );
  }
}

describe('a manager differencing insights cannot tell who filed an unsigned pépin', () => {
  const runs = Number(process.env.FC_ATTACK_RUNS ?? 6);
  const seeds: [number, string | undefined][] = [
    ...(process.env.FC_SEED ? [] : ATTACK_REGRESSIONS),
    [process.env.FC_SEED ? Number(process.env.FC_SEED) : randomSeed(), process.env.FC_PATH],
  ];
  it.each(seeds)(
    'seed %s (path %s)',
    async (seed, path) => {
      try {
        await fc.assert(fc.asyncProperty(attackArb, runAttack), {
          seed,
          path,
          numRuns: path ? 1 : runs,
          endOnFailure: process.env.FC_SHRINK !== '1',
        });
      } catch (error) {
        console.error(`insights attacker found links: reproduce with FC_SEED=${seed} (see the path in the error)`);
        throw error;
      } finally {
        if (process.env.ATTACK_TALLY === '1') console.log(`insights attacker tally: ${JSON.stringify(tally)}`);
      }
      if (process.env.ATTACK_TALLY === '1') expect(tally.linked).toBe(0);
    },
    600_000,
  );
});
