import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isInputObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { Role } from '@pepite/api/identity';
import {
  ListeningSessions,
  PepinConversation,
  PepinFiling,
  PepinQueries,
  PepinStatus,
  PepinTriage,
} from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { ACKNOWLEDGE_PEPIN, FILE_PEPIN, PEPIN, type PepinJson } from '../support/pepin-graphql';

/**
 * The use cases' trailing `{ at }` (demo data): what they write carries the given time, and
 * no GraphQL caller can pass one.
 */
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

let api: TestApi;
let reporter: TestUser;
let supporter: TestUser;
let manager: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  supporter = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
});
afterAll(() => api.close());

const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const filing = {
  title: 'Remboursement bloqué',
  description: 'La règle ne prévoit pas ce cas et le client est reparti mécontent.',
};

async function read(id: string): Promise<PepinJson> {
  return (await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id }, { token: manager.token })).pepin;
}

describe('backdated use cases', () => {
  it('files, supports and acknowledges at the given times: creation, deadline, history and updates follow them', async () => {
    const site = await api.world.directory.getSite(reporter.siteId);
    const slaHours = site?.ackSlaHours ?? 72;
    const filedAt = daysAgo(10);
    const supportedAt = new Date(filedAt.getTime() + HOUR);
    const acknowledgedAt = new Date(filedAt.getTime() + 5 * DAY);

    const filed = await api.app.get(PepinFiling).filePepin(authenticated(reporter), filing, { at: filedAt });
    expect(filed.createdAt).toEqual(filedAt);
    expect(filed.updatedAt).toEqual(filedAt);
    expect(filed.ackDueAt).toEqual(new Date(filedAt.getTime() + slaHours * HOUR));
    expect(filed.overdue).toBe(true);

    await api.app.get(PepinFiling).supportPepin(authenticated(supporter), filed.id, null, { at: supportedAt });
    const mine = await api.app.get(PepinQueries).myPepins(authenticated(supporter));
    expect(mine.find((entry) => entry.pepin.id === filed.id)).toMatchObject({
      relation: 'SUPPORTER',
      since: supportedAt,
    });

    const overdue = await api.graphql.ok<{ pepins: { edges: { node: { id: string; overdue: boolean } }[] } }>(
      'query { pepins(first: 100, filter: { overdue: true }) { edges { node { id overdue } } } }',
      {},
      { token: manager.token },
    );
    expect(overdue.pepins.edges.map((edge) => edge.node.id)).toContain(filed.id);

    const acknowledged = await api.app
      .get(PepinTriage)
      .acknowledgePepin(authenticated(manager), filed.id, 'Merci, nous regardons.', { at: acknowledgedAt });
    expect(acknowledged.status).toBe(PepinStatus.ACKNOWLEDGED);
    expect(acknowledged.acknowledgedAt).toEqual(acknowledgedAt);
    expect(acknowledged.updatedAt).toEqual(acknowledgedAt);

    const seen = await read(filed.id);
    expect(seen.createdAt).toBe(filedAt.toISOString());
    expect(seen.acknowledgedAt).toBe(acknowledgedAt.toISOString());
    expect(seen.history.map((line) => [line.kind, line.at])).toEqual([
      ['FILED', filedAt.toISOString()],
      ['ACKNOWLEDGED', acknowledgedAt.toISOString()],
    ]);
  });

  it('declines, merges and converses at the given times', async () => {
    const kept = await api.app.get(PepinFiling).filePepin(authenticated(reporter), filing, { at: daysAgo(7) });
    const duplicate = await api.app.get(PepinFiling).filePepin(authenticated(supporter), filing, { at: daysAgo(6) });
    const declined = await api.app.get(PepinFiling).filePepin(authenticated(reporter), filing, { at: daysAgo(6) });
    const askedAt = daysAgo(5);
    const answeredAt = daysAgo(4.5);
    const [mergedAt, declinedAt] = [daysAgo(4), daysAgo(3)];

    const question = await api.app
      .get(PepinConversation)
      .askReporter(authenticated(manager), declined.id, 'Quel était le montant ?', { at: askedAt });
    const answer = await api.app
      .get(PepinConversation)
      .replyToManagers(authenticated(reporter), declined.id, 'Environ 60 €.', { at: answeredAt });
    expect([question.at, answer.at]).toEqual([askedAt, answeredAt]);

    const merged = await api.app
      .get(PepinTriage)
      .markDuplicate(authenticated(manager), duplicate.id, kept.id, { at: mergedAt });
    expect(merged.updatedAt).toEqual(mergedAt);
    const reason = 'La procédure actuelle couvre déjà ce cas, voir la règle REFUND-001.';
    const refused = await api.app
      .get(PepinTriage)
      .declinePepin(authenticated(manager), declined.id, reason, { at: declinedAt });
    expect(refused.updatedAt).toEqual(declinedAt);

    expect((await read(duplicate.id)).history.map((line) => line.at).at(-1)).toBe(mergedAt.toISOString());
    expect((await read(declined.id)).history.map((line) => [line.kind, line.at]).at(-1)).toEqual([
      'DECLINED',
      declinedAt.toISOString(),
    ]);
    expect((await read(kept.id)).history.map((line) => [line.kind, line.at]).at(-1)).toEqual([
      'DUPLICATE_MERGED',
      mergedAt.toISOString(),
    ]);
    // The duplicate's reporter now supports the kept pépin, since the merge.
    const mine = await api.app.get(PepinQueries).myPepins(authenticated(supporter));
    expect(mine.find((entry) => entry.pepin.id === kept.id)).toMatchObject({ relation: 'SUPPORTER', since: mergedAt });
  });

  it('schedules a double écoute against `at` when given, against the real time otherwise', async () => {
    const sessions = api.app.get(ListeningSessions);
    const pepin = await api.app.get(PepinFiling).filePepin(authenticated(reporter), filing, { at: daysAgo(8) });
    const requestedAt = daysAgo(7);
    const sessionAt = daysAgo(5);
    const completedAt = new Date(sessionAt.getTime() + HOUR);
    const session = await sessions.requestListeningSession(
      authenticated(reporter),
      { pepinId: pepin.id, managerId: manager.id },
      { at: requestedAt },
    );
    expect(session.requestedAt).toEqual(requestedAt);

    await expect(
      sessions.scheduleListeningSession(authenticated(manager), session.id, sessionAt),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const scheduled = await sessions.scheduleListeningSession(authenticated(manager), session.id, sessionAt, {
      at: new Date(requestedAt.getTime() + HOUR),
    });
    expect(scheduled.scheduledAt).toEqual(sessionAt);

    const done = await sessions.completeListeningSession(
      authenticated(manager),
      session.id,
      'La règle doit prévoir ce cas.',
      { at: completedAt },
    );
    expect(done.completedAt).toEqual(completedAt);
    const seen = await read(pepin.id);
    expect(seen.updatedAt).toBe(completedAt.toISOString());
    expect(seen.history.at(-1)).toMatchObject({ kind: 'LISTENING_SESSION_DONE', at: completedAt.toISOString() });
  });

  it('without `at`, writes the current time', async () => {
    const before = Date.now();
    const pepin = await api.world.newPepin(reporter);
    const after = Date.now();
    // The database's clock, on the same machine: allow a little skew.
    expect(pepin.createdAt.getTime()).toBeGreaterThanOrEqual(before - 2_000);
    expect(pepin.createdAt.getTime()).toBeLessThanOrEqual(after + 2_000);
    expect(pepin.overdue).toBe(false);
  });

  it('refuses an invalid date', async () => {
    await expect(
      api.app.get(PepinFiling).filePepin(authenticated(reporter), filing, { at: new Date(Number.NaN) }),
    ).rejects.toThrow(/not a valid date/);
  });
});

describe('GraphQL callers cannot backdate', () => {
  const MUTATIONS = [
    'filePepin',
    'supportPepin',
    'acknowledgePepin',
    'declinePepin',
    'markDuplicate',
    'askReporter',
    'replyToManagers',
    'requestListeningSession',
    'scheduleListeningSession',
    'writeListeningNotes',
    'completeListeningSession',
    'cancelListeningSession',
  ];

  /** Every input field name reachable from a type, nested inputs included. */
  function inputFieldNames(type: GraphQLInputType, seen = new Set<string>()): string[] {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return [];
    seen.add(named.name);
    return Object.values(named.getFields()).flatMap((field) => [field.name, ...inputFieldNames(field.type, seen)]);
  }

  it('no pépin mutation takes an `at`, as an argument or in its input', () => {
    const schema: GraphQLSchema = api.app.get(GraphQLSchemaHost).schema;
    const fields = schema.getMutationType()?.getFields() ?? {};
    for (const name of MUTATIONS) {
      const field = fields[name];
      expect(field).toBeDefined();
      const names = (field?.args ?? []).flatMap((arg) => [arg.name, ...inputFieldNames(arg.type)]);
      expect(names).not.toContain('at');
    }
  });

  it('refuses `at` when a client sends it anyway, and writes nothing', async () => {
    const past = daysAgo(20).toISOString();
    const before = await api.graphql.request(FILE_PEPIN, { input: { ...filing, at: past } }, { token: reporter.token });
    expect(before.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const pepin = await api.world.newPepin(reporter);
    const inline = await api.graphql.request(
      `mutation { acknowledgePepin(id: "${pepin.id}", at: "${past}") { id } }`,
      {},
      { token: manager.token },
    );
    expect(inline.errors?.length).toBeGreaterThan(0);
    expect(inline.data ?? null).toBeNull();
    expect((await read(pepin.id)).status).toBe(PepinStatus.NEW);

    // The ordinary mutation acknowledges now.
    const started = Date.now();
    const acknowledged = await api.graphql.ok<{ acknowledgePepin: PepinJson }>(
      ACKNOWLEDGE_PEPIN,
      { id: pepin.id },
      { token: manager.token },
    );
    expect(Date.parse(acknowledged.acknowledgePepin.acknowledgedAt ?? '')).toBeGreaterThanOrEqual(started - 2_000);
  });
});
