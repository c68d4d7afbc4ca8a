import { Role } from '@pepite/api/identity';
import { PepinStatus, PepinTriage } from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import {
  ACKNOWLEDGE_PEPIN,
  DECLINE_PEPIN,
  MARK_DUPLICATE,
  moveTo,
  notificationsOf,
  PEPIN,
  PEPIN_FIELDS,
  publishRules,
  sql,
  SUPPORT_PEPIN,
  type PepinJson,
} from '../support/pepin-graphql';

let api: TestApi;
let reporter: TestUser;
let supporter: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let admin: TestUser;

const REASON = 'La procédure actuelle couvre déjà ce cas, voir la règle REFUND-001.';
const { NEW, ACKNOWLEDGED, IN_DESIGN, IN_VOTE, PUBLISHED, DECLINED, DUPLICATE } = PepinStatus;

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  supporter = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  admin = await api.world.newUser(Role.ADMIN);
  otherManager = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
  await publishRules(api, ['REFUND-001']);
});
afterAll(() => api.close());

/** A supported pépin in the given status, reached through legal steps only. */
async function pepinIn(status: PepinStatus): Promise<string> {
  const pepin = await api.world.newPepin(reporter);
  await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: supporter.token });
  const path: Record<PepinStatus, PepinStatus[]> = {
    [NEW]: [],
    [ACKNOWLEDGED]: [ACKNOWLEDGED],
    [IN_DESIGN]: [ACKNOWLEDGED, IN_DESIGN],
    [IN_VOTE]: [ACKNOWLEDGED, IN_DESIGN, IN_VOTE],
    [PUBLISHED]: [ACKNOWLEDGED, IN_DESIGN, IN_VOTE, PUBLISHED],
    [DECLINED]: [DECLINED],
    [DUPLICATE]: [],
  };
  for (const step of path[status]) await moveTo(api, manager, [pepin.id], step, step === DECLINED ? REASON : null);
  if (status === DUPLICATE) {
    const kept = await api.world.newPepin(reporter);
    await api.app.get(PepinTriage).markDuplicate(authenticated(manager), pepin.id, kept.id);
  }
  return pepin.id;
}

async function read(id: string, user: TestUser = manager): Promise<PepinJson> {
  return (await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id }, { token: user.token })).pepin;
}

type Step = {
  name: string;
  from: PepinStatus[];
  to: PepinStatus;
  run: (id: string, user: TestUser) => Promise<{ code?: string }>;
};

const graphqlStep =
  (query: string, variables: (id: string) => Record<string, unknown>) => async (id: string, user: TestUser) => {
    const response = await api.graphql.request(query, variables(id), { token: user.token });
    return { code: response.errors?.[0]?.extensions?.code };
  };
const serviceStep = (to: PepinStatus) => async (id: string, user: TestUser) => {
  try {
    await moveTo(api, user, [id], to);
    return {};
  } catch (error) {
    return { code: (error as { code?: string }).code };
  }
};

const STEPS: Step[] = [
  {
    name: 'acknowledgePepin',
    from: [NEW],
    to: ACKNOWLEDGED,
    run: graphqlStep(ACKNOWLEDGE_PEPIN, (id) => ({ id, message: 'On regarde ça cette semaine.' })),
  },
  {
    name: 'declinePepin',
    from: [NEW, ACKNOWLEDGED],
    to: DECLINED,
    run: graphqlStep(DECLINE_PEPIN, (id) => ({ id, reason: REASON })),
  },
  {
    name: 'markDuplicate',
    from: [NEW, ACKNOWLEDGED],
    to: DUPLICATE,
    run: async (id, user) => {
      const kept = await api.world.newPepin(supporter);
      return graphqlStep(MARK_DUPLICATE, (pepinId) => ({ id: pepinId, duplicateOf: kept.id }))(id, user);
    },
  },
  { name: 'moveToStatus(IN_DESIGN)', from: [ACKNOWLEDGED, IN_VOTE], to: IN_DESIGN, run: serviceStep(IN_DESIGN) },
  { name: 'moveToStatus(IN_VOTE)', from: [IN_DESIGN], to: IN_VOTE, run: serviceStep(IN_VOTE) },
  { name: 'moveToStatus(PUBLISHED)', from: [IN_VOTE], to: PUBLISHED, run: serviceStep(PUBLISHED) },
];

const ALL = [NEW, ACKNOWLEDGED, IN_DESIGN, IN_VOTE, PUBLISHED, DECLINED, DUPLICATE];

describe('every transition, legal and illegal', () => {
  const cases = STEPS.flatMap((step) => ALL.map((from) => [step.name, from, step.from.includes(from)] as const));

  it.each(cases)('%s from %s (legal: %s)', async (name, from, legal) => {
    const step = STEPS.find((s) => s.name === name) as Step;
    const id = await pepinIn(from);
    const before = await read(id);
    const result = await step.run(id, manager);
    const after = await read(id);
    if (!legal) {
      expect(result.code).toBe('ILLEGAL_TRANSITION');
      expect(after.status).toBe(from);
      expect(after.history).toEqual(before.history);
      return;
    }
    expect(result.code).toBeUndefined();
    expect(after.status).toBe(step.to);
    // One more history line: the role, the manager by name, the time, the statuses.
    const last = after.history.at(-1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(last).toMatchObject({
      actorRole: 'MANAGER',
      actorLabel: 'Manager',
      actor: { id: manager.id, displayName: manager.displayName },
      fromStatus: from,
      toStatus: step.to,
    });
    expect(Date.parse(last?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    // A transition is a change managers see: updatedAt moves with it.
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    // The reporter and the supporter are told.
    for (const user of [reporter, supporter]) {
      const news = (await notificationsOf(api, user)).filter((n) => n.subjectId === id || n.params['pepinId'] === id);
      expect(news.length).toBeGreaterThan(0);
    }
  });
});

describe('transitions', () => {
  it('acknowledges with an optional message that the reporter reads', async () => {
    const id = await pepinIn(NEW);
    const acknowledged = (
      await api.graphql.ok<{ acknowledgePepin: PepinJson }>(
        ACKNOWLEDGE_PEPIN,
        { id, message: 'Merci, on s’en occupe.' },
        { token: manager.token },
      )
    ).acknowledgePepin;
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: expect.any(String) });
    expect(acknowledged.history.at(-1)?.message).toBe('Merci, on s’en occupe.');
    const [news] = (await notificationsOf(api, reporter)).filter((n) => n.subjectId === id);
    expect(news).toMatchObject({
      kind: 'PEPIN_ACKNOWLEDGED',
      params: { reference: acknowledged.reference, status: 'ACKNOWLEDGED' },
    });
    expect(news?.text.fr).toContain('Message : Merci, on s’en occupe.');
    const [toSupporter] = (await notificationsOf(api, supporter)).filter((n) => n.subjectId === id);
    expect(toSupporter?.text.en).toContain('you support');
  });

  it('declines only with a real sentence, which the reporter reads', async () => {
    const id = await pepinIn(NEW);
    for (const reason of ['Non.', 'Pas pertinent ici', '                         ', 'x'.repeat(30)]) {
      const response = await api.graphql.request(DECLINE_PEPIN, { id, reason }, { token: manager.token });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'invalidDeclineReason',
      });
    }
    expect((await read(id)).status).toBe('NEW');
    const en = await api.graphql.request(
      DECLINE_PEPIN,
      { id, reason: 'Non.' },
      { token: manager.token, language: 'en' },
    );
    expect(en.errors?.[0]?.message).toBe(
      'Tell the reporter why, in a real sentence: at least 20 characters and 4 words.',
    );
    await api.graphql.ok(DECLINE_PEPIN, { id, reason: REASON }, { token: manager.token });
    const [news] = (await notificationsOf(api, reporter)).filter((n) => n.subjectId === id);
    expect(news).toMatchObject({ kind: 'PEPIN_DECLINED' });
    expect(news?.text.fr).toContain(`Raison : ${REASON}`);
  });

  it('lets only one of several concurrent managers move a pépin', async () => {
    const id = await pepinIn(NEW);
    const managers = [
      manager,
      ...(await Promise.all(Array.from({ length: 4 }, () => api.world.newUser(Role.MANAGER)))),
    ];
    const results = await Promise.all(
      managers.map((m) => api.graphql.request(ACKNOWLEDGE_PEPIN, { id }, { token: m.token })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'ILLEGAL_TRANSITION').length).toBe(4);
    expect((await read(id)).history.filter((e) => e.kind === 'ACKNOWLEDGED')).toHaveLength(1);
  });

  it('moves several pépins at once for the proposals context, or none', async () => {
    const [a, b, c] = [await pepinIn(ACKNOWLEDGED), await pepinIn(ACKNOWLEDGED), await pepinIn(NEW)];
    await expect(moveTo(api, manager, [a, b, c], IN_DESIGN, 'Proposition P-1')).rejects.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });
    expect((await read(a)).status).toBe('ACKNOWLEDGED');
    const moved = await moveTo(api, manager, [a, b], IN_DESIGN, 'Proposition P-1');
    expect(moved.map((p) => p.status)).toEqual(['IN_DESIGN', 'IN_DESIGN']);
    expect((await read(b)).history.at(-1)).toMatchObject({ kind: 'DESIGN_STARTED', message: 'Proposition P-1' });
    await expect(
      api.app.get(PepinTriage).moveToStatus([a], DUPLICATE, authenticated(manager), null),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(moveTo(api, otherManager, [a], IN_VOTE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.app.get(PepinTriage).moveToStatus([a], IN_VOTE, 'SYSTEM', 'Vote ouvert')).resolves.toHaveLength(1);
    expect((await read(a)).history.at(-1)).toMatchObject({
      actorRole: 'SYSTEM',
      actorLabel: 'Système',
      actor: null,
      kind: 'VOTE_OPENED',
    });
  });

  it('hides other sites’ pépins from managers (NOT_FOUND, as for a missing id), not from admins', async () => {
    const id = await pepinIn(NEW);
    for (const query of [ACKNOWLEDGE_PEPIN, PEPIN]) {
      expect(await api.graphql.errorCode(query, { id }, { token: otherManager.token })).toBe('NOT_FOUND');
      expect(
        await api.graphql.errorCode(
          query,
          { id: '00000000-0000-4000-8000-000000000000' },
          { token: otherManager.token },
        ),
      ).toBe('NOT_FOUND');
    }
    const acknowledged = await api.graphql.ok<{ acknowledgePepin: PepinJson }>(
      ACKNOWLEDGE_PEPIN,
      { id },
      { token: admin.token },
    );
    expect(acknowledged.acknowledgePepin.history.at(-1)).toMatchObject({
      actorRole: 'ADMIN',
      actorLabel: 'Administrateur',
    });
  });

  it('is for managers and admins', async () => {
    const id = await pepinIn(NEW);
    expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPIN, { id }, { token: reporter.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(DECLINE_PEPIN, { id, reason: REASON }, { token: supporter.token })).toBe(
      'FORBIDDEN',
    );
  });
});

describe('duplicates', () => {
  it('moves the supports to the kept pépin, the reporter included, and tells them which one', async () => {
    const keptReporter = await api.world.newUser(Role.OPERATOR);
    const both = await api.world.newUser(Role.OPERATOR);
    const signer = await api.world.newUser(Role.OPERATOR);
    const kept = await api.world.newPepin(keptReporter);
    const duplicate = await api.world.newPepin(reporter, { signed: true });
    await api.graphql.ok(SUPPORT_PEPIN, { id: kept.id }, { token: both.token });
    for (const user of [supporter, both, keptReporter])
      await api.graphql.ok(SUPPORT_PEPIN, { id: duplicate.id }, { token: user.token });
    await api.graphql.ok(SUPPORT_PEPIN, { id: duplicate.id, signed: true }, { token: signer.token });

    const merged = (
      await api.graphql.ok<{ markDuplicate: PepinJson }>(
        MARK_DUPLICATE,
        { id: duplicate.id, duplicateOf: kept.id },
        { token: manager.token },
      )
    ).markDuplicate;
    expect(merged).toMatchObject({
      status: 'DUPLICATE',
      supportCount: 0,
      duplicateOf: { id: kept.id, reference: kept.reference },
    });
    expect(merged.history.at(-1)).toMatchObject({ kind: 'MARKED_DUPLICATE', message: kept.reference });

    const keptNow = await read(kept.id);
    // both (already there, counted once), supporter, signer, and the duplicate's reporter; not the kept pépin's own reporter.
    expect(keptNow.supportCount).toBe(4);
    const supporters = await sql<{ supporter_id: string; signed: boolean }>(
      api,
      'SELECT supporter_id, signed FROM pepin_support WHERE pepin_id = $1 ORDER BY supporter_id',
      [kept.id],
    );
    expect(supporters).toEqual(
      [
        { supporter_id: both.id, signed: false },
        { supporter_id: supporter.id, signed: false },
        { supporter_id: signer.id, signed: true },
        { supporter_id: reporter.id, signed: true },
      ].sort((x, y) => x.supporter_id.localeCompare(y.supporter_id)),
    );
    expect(keptNow.supporters.map((s) => s.id).sort()).toEqual([signer.id, reporter.id].sort());
    expect(keptNow.history.at(-1)).toMatchObject({ kind: 'DUPLICATE_MERGED', message: duplicate.reference });

    for (const user of [reporter, supporter, both, signer]) {
      const [news] = (await notificationsOf(api, user)).filter(
        (n) => n.subjectId === kept.id && n.kind === 'PEPIN_MARKED_DUPLICATE',
      );
      expect(news?.text.fr).toContain(kept.reference);
      expect(news?.params).toMatchObject({
        reference: duplicate.reference,
        pepinId: duplicate.id,
        duplicateOf: kept.id,
        duplicateOfReference: kept.reference,
      });
    }
    // The notification's subject is the kept pépin, which the moved supporters can open.
    expect((await read(kept.id, supporter)).supportCount).toBe(4);
    // The reporter now finds both in "my pépins".
    const mine = await api.graphql.ok<{ myPepins: { relation: string; pepin: { id: string } }[] }>(
      '{ myPepins { relation pepin { id } } }',
      {},
      { token: reporter.token },
    );
    expect(mine.myPepins).toEqual(
      expect.arrayContaining([
        { relation: 'REPORTER', pepin: { id: duplicate.id } },
        { relation: 'SUPPORTER', pepin: { id: kept.id } },
      ]),
    );
  });

  it('merges only into another open pépin of the same site', async () => {
    const id = await pepinIn(NEW);
    const code = async (duplicateOf: string) =>
      (await api.graphql.request(MARK_DUPLICATE, { id, duplicateOf }, { token: manager.token })).errors?.[0]?.extensions
        ?.code;
    expect(await code(id)).toBe('BAD_USER_INPUT');
    expect(await code(await pepinIn(DECLINED))).toBe('ILLEGAL_TRANSITION');
    expect(await code(await pepinIn(DUPLICATE))).toBe('ILLEGAL_TRANSITION');
    expect(await code(await pepinIn(PUBLISHED))).toBe('ILLEGAL_TRANSITION');
    const elsewhere = await api.world.newPepin(
      await api.world.newUser(Role.OPERATOR, { site: await api.world.newSite() }),
    );
    expect(await code(elsewhere.id)).toBe('NOT_FOUND');
    expect(await code('00000000-0000-4000-8000-000000000000')).toBe('NOT_FOUND');
    expect((await read(id)).status).toBe('NEW');
    // Into an open pépin further along is fine.
    expect(await code(await pepinIn(IN_VOTE))).toBeUndefined();
  });
});

describe('the triage queue', () => {
  const QUEUE = `query Queue($filter: PepinFilter, $orderBy: PepinOrder, $first: Int, $after: String) {
    pepins(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges { cursor node { id reference status supportCount ackDueAt createdAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      totalCount
      countsByStatus { status count }
    }
  }`;
  type Node = { id: string; status: string; supportCount: number; ackDueAt: string; createdAt: string };
  type Page = {
    edges: { cursor: string; node: Node }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    totalCount: number;
    countsByStatus: { status: string; count: number }[];
  };
  let site: Awaited<ReturnType<TestApi['world']['newSite']>>;
  let queueManager: TestUser;
  let ids: Record<string, string>;
  let teamOperator: TestUser;

  async function queue(variables: Record<string, unknown>, user: TestUser = queueManager): Promise<Page> {
    return (await api.graphql.ok<{ pepins: Page }>(QUEUE, variables, { token: user.token })).pepins;
  }

  async function all(variables: Record<string, unknown>): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await queue({ ...variables, first: 2, after });
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    site = await api.world.newSite();
    queueManager = await api.world.newUser(Role.MANAGER, { site });
    const operators = await Promise.all(Array.from({ length: 3 }, () => api.world.newUser(Role.OPERATOR, { site })));
    const team = await api.world.directory.ensureTeam(site.site.id, 'Équipe B');
    teamOperator = await api.world.newUser(Role.OPERATOR, { site: { site: site.site, team } });
    const [a, b, c] = operators as [TestUser, TestUser, TestUser];
    ids = {
      refund: (await api.world.newPepin(a, { ruleKey: 'REFUND-001' })).id,
      plain: (await api.world.newPepin(b)).id,
      popular: (await api.world.newPepin(c)).id,
      teamB: (await api.world.newPepin(teamOperator)).id,
      declined: (await api.world.newPepin(a)).id,
      acknowledged: (await api.world.newPepin(b)).id,
    };
    for (const user of [a, b]) await api.graphql.ok(SUPPORT_PEPIN, { id: ids['popular'] }, { token: user.token });
    await api.graphql.ok(SUPPORT_PEPIN, { id: ids['plain'] }, { token: c.token });
    await api.graphql.ok(DECLINE_PEPIN, { id: ids['declined'], reason: REASON }, { token: queueManager.token });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: ids['acknowledged'] }, { token: queueManager.token });
    await sql(api, `UPDATE pepin SET ack_due_at = now() - interval '2 hours' WHERE id = $1`, [ids['plain']]);
    await sql(api, `UPDATE pepin SET created_at = now() - interval '10 days' WHERE id = $1`, [ids['teamB']]);
  });

  it('pages through every pépin of the manager’s site, with the count of each status', async () => {
    const page = await queue({ first: 2 });
    expect(page.totalCount).toBe(6);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.countsByStatus).toEqual(
      expect.arrayContaining([
        { status: 'NEW', count: 4 },
        { status: 'ACKNOWLEDGED', count: 1 },
        { status: 'DECLINED', count: 1 },
        { status: 'DUPLICATE', count: 0 },
      ]),
    );
    expect(page.countsByStatus).toHaveLength(7);
    const nodes = await all({});
    expect(nodes.map((n) => n.id).sort()).toEqual(Object.values(ids).sort());
  });

  it('sorts by acknowledgement due date, supports and age, the same across pages', async () => {
    const due = await all({ orderBy: 'ACK_DUE_SOONEST' });
    expect(due[0]?.id).toBe(ids['plain']);
    expect(due.map((n) => Date.parse(n.ackDueAt))).toEqual(
      [...due.map((n) => Date.parse(n.ackDueAt))].sort((x, y) => x - y),
    );
    const supported = await all({ orderBy: 'MOST_SUPPORTED' });
    expect(supported.slice(0, 2).map((n) => n.id)).toEqual([ids['popular'], ids['plain']]);
    const oldest = await all({ orderBy: 'OLDEST' });
    expect(oldest[0]?.id).toBe(ids['teamB']);
    const newest = await all({ orderBy: 'NEWEST' });
    expect(newest.map((n) => n.id)).toEqual([...oldest].reverse().map((n) => n.id));
  });

  it('filters by status, rule, category, team, overdue and period', async () => {
    const idsOf = async (filter: Record<string, unknown>) => (await all({ filter })).map((n) => n.id).sort();
    expect(await idsOf({ statuses: ['ACKNOWLEDGED', 'DECLINED'] })).toEqual(
      [ids['acknowledged'], ids['declined']].sort(),
    );
    expect(await idsOf({ ruleKey: 'REFUND-001' })).toEqual([ids['refund']]);
    expect(await idsOf({ category: 'remboursements' })).toEqual([ids['refund']]);
    expect(await idsOf({ noRuleApplies: false })).toEqual([ids['refund']]);
    expect(await idsOf({ teamId: teamOperator.teamId })).toEqual([ids['teamB']]);
    expect(await idsOf({ overdue: true })).toEqual([ids['plain']]);
    expect(await idsOf({ overdue: false })).toHaveLength(5);
    expect(await idsOf({ filedTo: new Date(Date.now() - 24 * 3600 * 1000).toISOString() })).toEqual([ids['teamB']]);
    expect(await idsOf({ filedFrom: new Date(Date.now() - 24 * 3600 * 1000).toISOString() })).toHaveLength(5);
    const page = await queue({ filter: { statuses: ['NEW'] }, first: 10 });
    expect(page.totalCount).toBe(4);
    // Counts by status leave the status filter out (the tabs), and keep the others.
    expect(page.countsByStatus.find((c) => c.status === 'DECLINED')?.count).toBe(1);
    const overdue = (
      await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id: ids['plain'] }, { token: queueManager.token })
    ).pepin;
    expect(overdue.overdue).toBe(true);
  });

  it('refuses forged cursors, a cursor of another sort, and an empty period', async () => {
    const page = await queue({ first: 1, orderBy: 'OLDEST' });
    const wrongSort = await api.graphql.request(
      QUEUE,
      { first: 1, orderBy: 'NEWEST', after: page.pageInfo.endCursor },
      { token: queueManager.token },
    );
    expect(wrongSort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalidCursor' });
    expect(await api.graphql.errorCode(QUEUE, { after: 'garbage' }, { token: queueManager.token })).toBe(
      'BAD_USER_INPUT',
    );
    const now = new Date().toISOString();
    expect(
      await api.graphql.errorCode(QUEUE, { filter: { filedFrom: now, filedTo: now } }, { token: queueManager.token }),
    ).toBe('BAD_USER_INPUT');
    expect(await api.graphql.errorCode(QUEUE, { first: 101 }, { token: queueManager.token })).toBe('BAD_USER_INPUT');
  });

  it('is the managers’ and admins’ (admins see every site)', async () => {
    expect(await api.graphql.errorCode(QUEUE, {}, { token: teamOperator.token })).toBe('FORBIDDEN');
    expect((await queue({ first: 100 }, admin)).totalCount).toBeGreaterThan(6);
  });
});

describe('the pépin as its operators see it', () => {
  it('shows the reporter and supporters their pépin, with the reporter’s call reference kept from supporters', async () => {
    const pepin = await api.world.newPepin(reporter, { callReference: 'CALL-7781' });
    await api.graphql.ok(SUPPORT_PEPIN, { id: pepin.id }, { token: supporter.token });
    expect((await read(pepin.id, reporter)).callReference).toBe('CALL-7781');
    expect((await read(pepin.id, supporter)).callReference).toBeNull();
    expect((await read(pepin.id, manager)).callReference).toBeNull();
    const stranger = await api.world.newUser(Role.OPERATOR);
    expect(await api.graphql.errorCode(PEPIN, { id: pepin.id }, { token: stranger.token })).toBe('NOT_FOUND');
  });

  it('lets the SLA job escalate a late NEW pépin', async () => {
    const id = await pepinIn(NEW);
    const triage = api.app.get(PepinTriage);
    expect(await triage.recordEscalation(id)).toBeNull();
    await sql(api, `UPDATE pepin SET ack_due_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect(await triage.recordEscalation(id)).toBe(1);
    expect(await triage.recordEscalation(id)).toBe(2);
    // The job's own clock decides what is due.
    const other = await pepinIn(NEW);
    expect(await triage.recordEscalation(other, { now: new Date(Date.now() + 73 * 3600 * 1000) })).toBe(1);
    const pepin = await api.graphql.ok<{ pepin: PepinJson & { escalationLevel: number } }>(
      `query($id: ID!) { pepin(id: $id) { ${PEPIN_FIELDS} } }`,
      { id },
      { token: manager.token },
    );
    expect(pepin.pepin.escalationLevel).toBe(2);
    expect(pepin.pepin.history.at(-1)).toMatchObject({ kind: 'ESCALATED', actorRole: 'SYSTEM', message: '2' });
  });

  it('keeps the history append-only in the database itself', async () => {
    const id = await pepinIn(ACKNOWLEDGED);
    await expect(
      sql(api, 'UPDATE pepin_event SET message = $2 WHERE pepin_id = $1', [id, 'rewritten']),
    ).rejects.toThrow(/append-only/);
    await expect(sql(api, 'DELETE FROM pepin_event WHERE pepin_id = $1', [id])).rejects.toThrow(/append-only/);
  });
});
