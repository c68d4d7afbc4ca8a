import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import {
  getNamedType,
  isLeafType,
  isObjectType,
  isNonNullType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ACCESS_METADATA, Role, type AccessRule } from '@pepite/api/identity';
import { PepinsModule } from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import {
  ACKNOWLEDGE_PEPIN,
  DECLINE_PEPIN,
  MARK_DUPLICATE,
  publishRules,
  sql,
  SUPPORT_PEPIN,
} from '../support/pepin-graphql';

let api: TestApi;
let schema: GraphQLSchema;
let reporter: TestUser;
let otherReporter: TestUser;
let quietSupporter: TestUser;
let signingSupporter: TestUser;
let signingReporter: TestUser;
let manager: TestUser;
let listeningManager: TestUser;
let otherSiteManager: TestUser;
let place: Awaited<ReturnType<TestApi['world']['newSite']>>;

const SECRET_CALL = 'CALL-SECRET-991';

beforeAll(async () => {
  api = await startTestApi();
  schema = api.app.get(GraphQLSchemaHost).schema;
  place = await api.world.newSite();
  const user = (role: Role) => api.world.newUser(role, { site: place });
  [reporter, otherReporter, quietSupporter, signingSupporter, signingReporter] = await Promise.all([
    user(Role.OPERATOR),
    user(Role.OPERATOR),
    user(Role.OPERATOR),
    user(Role.OPERATOR),
    user(Role.OPERATOR),
  ]);
  [manager, listeningManager] = await Promise.all([user(Role.MANAGER), user(Role.MANAGER)]);
  otherSiteManager = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
  await publishRules(api, ['REFUND-001']);
});
afterAll(() => api.close());

/** Manager-callable root fields of the pépins context, read from the resolvers' access rules. */
function managerRootFields(): { operation: 'Query' | 'Mutation'; name: string }[] {
  const fields: { operation: 'Query' | 'Mutation'; name: string }[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    if (module.metatype !== PepinsModule) continue;
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type?.prototype || !wrapper.instance) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const operation = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (operation !== 'Query' && operation !== 'Mutation') continue;
        const rule = (Reflect.getMetadata(ACCESS_METADATA, handler) ??
          Reflect.getMetadata(ACCESS_METADATA, type)) as AccessRule;
        if (rule.kind === 'public' || rule.roles.includes(Role.MANAGER)) {
          fields.push({
            operation,
            name: (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? name,
          });
        }
      }
    }
  }
  return fields;
}

/** Every object type reachable from these types, through any field. */
function reachableTypes(roots: GraphQLNamedType[]): Map<string, GraphQLObjectType> {
  const seen = new Map<string, GraphQLObjectType>();
  const visit = (type: GraphQLNamedType) => {
    if (!isObjectType(type) || seen.has(type.name)) return;
    seen.set(type.name, type);
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  roots.forEach(visit);
  return seen;
}

/** A selection of every field without required arguments, recursively (cycles cut), noting what it covers. */
function selectAll(type: GraphQLObjectType, covered: Set<string>, path: string[] = []): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    covered.add(`${type.name}.${field.name}`);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && !path.includes(named.name))
      parts.push(`${field.name} { ${selectAll(named, covered, [...path, type.name])} }`);
  }
  return parts.join(' ');
}

function rootType(operation: 'Query' | 'Mutation', name: string): GraphQLNamedType {
  const root = operation === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[name];
  if (!field) throw new Error(`${operation}.${name} is not in the schema`);
  return getNamedType(field.type);
}

function identifiersOf(user: TestUser): string[] {
  return [user.id, user.email, user.displayName];
}

describe('what a manager can reach never names an anonymous reporter or supporter', () => {
  it('walks every type a manager reaches and finds no field, value or reference that names them', async () => {
    // A pépin with everything: rule, call reference, supports (one quiet, one signed), a
    // transition with a message, a conversation, a double écoute with another manager
    // (done, with notes), and a duplicate merged into it.
    const pepin = await api.world.newPepin(reporter, {
      ruleKey: 'REFUND-001',
      callReference: SECRET_CALL,
      title: 'Colis abîmé remboursement refusé',
    });
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: quietSupporter.token });
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id, signed: true }, { token: signingSupporter.token });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: pepin.id, message: 'Merci, on regarde.' }, { token: manager.token });
    await api.graphql.ok(
      'mutation($id: ID!) { askReporter(pepinId: $id, body: "Quel était le montant ?") { id } }',
      { id: pepin.id },
      { token: manager.token },
    );
    await api.graphql.ok(
      'mutation($id: ID!) { replyToManagers(pepinId: $id, body: "Environ 40 euros, colis n°778.") { id } }',
      { id: pepin.id },
      { token: reporter.token },
    );
    const session = await api.graphql.ok<{ requestListeningSession: { id: string } }>(
      'mutation($input: RequestListeningSessionInput!) { requestListeningSession(input: $input) { id } }',
      {
        input: {
          pepinId: pepin.id,
          managerId: listeningManager.id,
          reason: 'Je voudrais réécouter cet appel ensemble.',
        },
      },
      { token: reporter.token },
    );
    const sessionId = session.requestListeningSession.id;
    await api.graphql.ok(
      'mutation($id: ID!, $at: DateTime!) { scheduleListeningSession(id: $id, scheduledAt: $at) { id } }',
      { id: sessionId, at: new Date(Date.now() + 86_400_000).toISOString() },
      { token: listeningManager.token },
    );
    await api.graphql.ok(
      'mutation($id: ID!) { writeListeningNotes(id: $id, notes: "Notes de l’opérateur sur l’appel.") { id } }',
      { id: sessionId },
      { token: reporter.token },
    );
    await api.graphql.ok(
      'mutation($id: ID!) { writeListeningNotes(id: $id, notes: "Notes du manager sur l’appel.") { id } }',
      { id: sessionId },
      { token: listeningManager.token },
    );
    await api.graphql.ok(
      'mutation($id: ID!) { completeListeningSession(id: $id, outcome: "La règle doit prévoir les colis abîmés.") { id } }',
      { id: sessionId },
      { token: listeningManager.token },
    );
    const duplicate = await api.world.newPepin(otherReporter, { title: 'Colis abîmé encore' });
    await api.graphql.ok(MARK_DUPLICATE, { id: duplicate.id, duplicateOf: pepin.id }, { token: manager.token });
    const signed = await api.world.newPepin(signingReporter, {
      signed: true,
      callReference: 'CALL-SIGNED-1',
      title: 'Colis abîmé signé',
    });
    await api.graphql.ok(
      'mutation($id: ID!) { askReporter(pepinId: $id, body: "Une précision ?") { id } }',
      { id: signed.id },
      { token: manager.token },
    );

    // Statically: every type reachable from any pépin operation a manager may call...
    const roots = managerRootFields();
    expect(roots.map((r) => r.name)).toEqual(
      expect.arrayContaining(['pepins', 'pepin', 'similarPepins', 'acknowledgePepin', 'askReporter']),
    );
    expect(roots.map((r) => r.name)).not.toContain('myPepins');
    const reachable = reachableTypes(roots.map((r) => rootType(r.operation, r.name)));
    expect([...reachable.keys()]).not.toContain('MyPepin');
    expect([...reachable.keys()]).not.toContain('User');

    // ...is read in full, every field of every one of them, through the queries below.
    const covered = new Set<string>();
    const query = (name: string) => selectAll(rootType('Query', name) as GraphQLObjectType, covered);
    const queue = `query { pepins(first: 100) { ${query('pepins')} } }`;
    const one = `query($id: ID!) { pepin(id: $id) { ${query('pepin')} } }`;
    const similar = `query($text: String!) { similarPepins(text: $text, first: 20) { ${query('similarPepins')} } }`;
    const sessions = `query { listeningSessions { ${query('listeningSessions')} } }`;
    for (const type of reachable.values()) {
      for (const field of Object.keys(type.getFields())) expect(covered).toContain(`${type.name}.${field}`);
    }

    const answers: unknown[] = [];
    const ask = async (text: string, variables: Record<string, unknown> = {}) =>
      answers.push(await api.graphql.ok(text, variables, { token: manager.token }));
    await ask(queue);
    for (const id of [pepin.id, duplicate.id, signed.id]) await ask(one, { id });
    for (const text of ['colis abîmé', 'remboursement refusé', 'Colis abime rembourse']) await ask(similar, { text });
    await ask(sessions);
    const seen = JSON.stringify(answers);

    // Nothing names the anonymous reporters or the quiet supporter, nor gives the reporter's call.
    for (const secret of [
      ...identifiersOf(reporter),
      ...identifiersOf(otherReporter),
      ...identifiersOf(quietSupporter),
      SECRET_CALL,
    ]) {
      expect(seen).not.toContain(secret);
    }
    // What people chose to sign, and managers' names, are there: the walk did read them.
    for (const shown of [
      signingReporter.displayName,
      signingSupporter.displayName,
      listeningManager.displayName,
      manager.displayName,
      'CALL-SIGNED-1',
    ]) {
      expect(seen).toContain(shown);
    }
    expect(seen).toContain('La règle doit prévoir les colis abîmés.');
    expect(seen).toContain('Environ 40 euros');
    expect(seen).toContain('"author":"Rapporteur"');
  });
});

describe('errors of manager operations are the same whoever filed the pépin', () => {
  const ACKNOWLEDGE_STATUS =
    'mutation($id: ID!) { acknowledgePepin(id: $id) { status supportCount history { kind actorRole } } }';

  it('answers the same failures, word for word, for two pépins of different reporters (one of them deactivated)', async () => {
    const mine = await api.world.newPepin(reporter, {
      title: 'Même problème',
      description: 'Exactement la même description pour les deux pépins.',
    });
    const theirs = await api.world.newPepin(otherReporter, {
      title: 'Même problème',
      description: 'Exactement la même description pour les deux pépins.',
    });
    const closed = await api.world.newPepin(signingReporter);
    await api.graphql.ok(
      DECLINE_PEPIN,
      { id: closed.id, reason: 'La procédure actuelle couvre déjà ce cas précis.' },
      { token: manager.token },
    );
    const gone = await api.world.newUser(Role.OPERATOR, { site: place });
    const goneMine = await api.world.newPepin(gone, {
      title: 'Même problème',
      description: 'Exactement la même description pour les deux pépins.',
    });
    await api.world.directory.deactivateUser(authenticated(manager), gone.id);

    const operations: [string, (id: string) => Record<string, unknown>, TestUser][] = [
      ['mutation($id: ID!) { askReporter(pepinId: $id, body: "x") { id } }', (id) => ({ id }), manager],
      [DECLINE_PEPIN, (id) => ({ id, reason: 'Non.' }), manager],
      [MARK_DUPLICATE, (id) => ({ id, duplicateOf: id }), manager],
      [MARK_DUPLICATE, (id) => ({ id, duplicateOf: closed.id }), manager],
      [ACKNOWLEDGE_PEPIN, (id) => ({ id, message: 'x'.repeat(2001) }), manager],
      [ACKNOWLEDGE_PEPIN, (id) => ({ id }), otherSiteManager],
      ['query($id: ID!) { pepin(id: $id) { id } }', (id) => ({ id }), otherSiteManager],
      [
        'mutation($id: ID!) { scheduleListeningSession(id: $id, scheduledAt: "2099-01-01T10:00:00Z") { id } }',
        (id) => ({ id }),
        manager,
      ],
      // Succeeds once for each, then fails the same way.
      [ACKNOWLEDGE_STATUS, (id) => ({ id }), manager],
      [ACKNOWLEDGE_STATUS, (id) => ({ id }), manager],
      [
        'mutation($id: ID!) { declinePepin(id: $id, reason: "La procédure actuelle couvre déjà ce cas précis.") { status supportCount } }',
        (id) => ({ id }),
        manager,
      ],
      [ACKNOWLEDGE_STATUS, (id) => ({ id }), manager],
      [MARK_DUPLICATE, (id) => ({ id, duplicateOf: closed.id }), manager],
      [
        'mutation($id: ID!) { askReporter(pepinId: $id, body: "Une question ?") { body author authorKind } }',
        (id) => ({ id }),
        manager,
      ],
    ];
    const pepins = [mine, theirs, goneMine];
    for (const [query, variables, user] of operations) {
      for (const language of ['fr', 'en']) {
        const answers = [];
        for (const pepin of pepins) {
          const response = await api.graphql.request(query, variables(pepin.id), { token: user.token, language });
          const text = JSON.stringify({
            data: response.data ?? null,
            errors: response.errors ?? null,
            status: response.status,
          });
          answers.push(text.split(pepin.id).join('<id>').split(pepin.reference).join('<reference>'));
        }
        expect(answers[1]).toBe(answers[0]);
        expect(answers[2]).toBe(answers[0]);
      }
    }
  });
});

describe('orders and counts do not depend on who filed', () => {
  it('gives the same pages, orders and counts after the reporters of pépins are swapped or changed', async () => {
    const place = await api.world.newSite();
    const siteManager = await api.world.newUser(Role.MANAGER, { site: place });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => api.world.newUser(Role.OPERATOR, { site: place })));
    const same = {
      title: 'Procédure de remboursement trop stricte',
      description: 'La procédure de remboursement bloque un client fidèle.',
    };
    const pepins = [];
    for (const author of [a, b, a, b, c, a] as TestUser[]) pepins.push(await api.world.newPepin(author, same));
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepins[0]?.id }, { token: (c as TestUser).token });
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepins[1]?.id }, { token: (c as TestUser).token });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: pepins[2]?.id }, { token: siteManager.token });
    // Same filing time for all: only the random ids and the reporters differ.
    await sql(
      api,
      `UPDATE pepin SET created_at = date_trunc('second', now()), ack_due_at = date_trunc('second', now()) + interval '72 hours' WHERE site_id = $1`,
      [place.site.id],
    );

    const snapshot = async () => {
      const results: unknown[] = [];
      for (const orderBy of ['ACK_DUE_SOONEST', 'MOST_SUPPORTED', 'OLDEST', 'NEWEST']) {
        for (const filter of [{}, { statuses: ['NEW'] }, { teamId: a?.teamId }, { overdue: false }]) {
          let after: string | null = null;
          for (;;) {
            const page: {
              pepins: {
                edges: { cursor: string; node: unknown }[];
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
              };
            } = await api.graphql.ok(
              `query($orderBy: PepinOrder, $filter: PepinFilter, $after: String) { pepins(orderBy: $orderBy, filter: $filter, first: 2, after: $after) {
                  edges { cursor node { id supportCount status createdAt updatedAt } } pageInfo { hasNextPage endCursor } totalCount countsByStatus { status count } } }`,
              { orderBy, filter, after },
              { token: siteManager.token },
            );
            results.push(page);
            if (!page.pepins.pageInfo.hasNextPage) break;
            after = page.pepins.pageInfo.endCursor;
          }
        }
      }
      results.push(
        await api.graphql.ok(
          '{ similarPepins(text: "procédure de remboursement", first: 20) { id score supportCount } }',
          {},
          { token: siteManager.token },
        ),
      );
      return JSON.stringify(results);
    };

    const before = await snapshot();
    const [first, second, , , fifth] = pepins.map((p) => p.id);
    await sql(
      api,
      `UPDATE pepin SET reporter_id = CASE id WHEN $1::uuid THEN $3::uuid ELSE $4::uuid END WHERE id IN ($1, $2)`,
      [first, second, b?.id, a?.id],
    );
    expect(await snapshot()).toBe(before);
    await sql(api, `UPDATE pepin SET reporter_id = $2 WHERE id = $1`, [fifth, a?.id]);
    expect(await snapshot()).toBe(before);
  });
});

describe('my pépins are mine', () => {
  const MINE = '{ myPepins { relation signed pepin { id reference callReference conversation { body } } } }';

  it('shows an operator their own pépins and supports, and never another operator’s', async () => {
    const author = await api.world.newUser(Role.OPERATOR);
    const neighbour = await api.world.newUser(Role.OPERATOR);
    const filed = await api.world.newPepin(author, { callReference: 'CALL-MINE-1' });
    const supported = await api.world.newPepin(neighbour);
    await api.graphql.ok(SUPPORT_PEPIN, { id: supported.id }, { token: author.token });

    const mine = await api.graphql.ok<{
      myPepins: { relation: string; pepin: { id: string; callReference: string | null; conversation: unknown } }[];
    }>(MINE, {}, { token: author.token });
    expect(mine.myPepins.map((m) => [m.relation, m.pepin.id])).toEqual([
      ['SUPPORTER', supported.id],
      ['REPORTER', filed.id],
    ]);
    expect(mine.myPepins[1]?.pepin).toMatchObject({ callReference: 'CALL-MINE-1', conversation: [] });
    // As a supporter: no conversation, no call reference of someone else.
    expect(mine.myPepins[0]?.pepin).toMatchObject({ callReference: null, conversation: null });

    const theirs = await api.graphql.ok<{ myPepins: { relation: string; pepin: { id: string } }[] }>(
      MINE,
      {},
      { token: neighbour.token },
    );
    expect(theirs.myPepins.map((m) => [m.relation, m.pepin.id])).toEqual([['REPORTER', supported.id]]);
    // There is no way to ask for someone else's.
    expect(
      await api.graphql.errorCode(`{ myPepins(userId: "${author.id}") { relation } }`, {}, { token: neighbour.token }),
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await api.graphql.errorCode(MINE, {}, { token: manager.token })).toBe('FORBIDDEN');
    // Nor to open the other's pépin: the same answer as for a pépin that does not exist.
    const foreign = await api.graphql.request(
      'query($id: ID!) { pepin(id: $id) { id } }',
      { id: filed.id },
      { token: neighbour.token },
    );
    const missing = await api.graphql.request(
      'query($id: ID!) { pepin(id: $id) { id } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: neighbour.token },
    );
    expect(foreign.errors).toEqual(missing.errors);
  });
});
