import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditLog, type AuditEntryView, type AuditRecord } from '@pepite/api/audit';
import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { withRequestContext } from '../../apps/api/src/http/request-context';

const NODE = 'id at actor { id displayName } actorRole action subjectType subjectId summary details requestId';
const AUDIT_LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${NODE} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface EntryNode {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  details: Record<string, unknown>;
  requestId: string | null;
}
interface Page {
  auditLog: {
    edges: { cursor: string; node: EntryNode }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

/** A subject type of its own, so that each test reads only its entries from the shared database. */
const subjectTypeOfTest = () => `T${randomBytes(4).toString('hex').toUpperCase()}`;

describe('audit log', () => {
  let api: TestApi;
  let audit: AuditLog;
  let dataSource: DataSource;
  let admin: TestUser;
  let manager: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    audit = api.app.get(AuditLog);
    dataSource = api.app.get(DataSource);
    admin = await api.world.newUser(Role.ADMIN);
    manager = await api.world.newUser(Role.MANAGER);
  });
  afterAll(() => api.close());

  /** A manager's action on `subjectType`/`subjectId`; `n` tells entries apart. */
  const managerAction = (subjectType: string, n: number, change: Partial<AuditRecord> = {}): AuditRecord => ({
    actorRole: 'MANAGER',
    actorId: manager.id,
    action: 'PROPOSAL_CREATED',
    subjectType,
    subjectId: `S-${n}`,
    summary: { fr: `Proposition n° ${n} créée.`, en: `Proposal #${n} created.` },
    details: { n },
    ...change,
  });

  const page = async (variables: Record<string, unknown>, user: TestUser = admin) =>
    (await api.graphql.ok<Page>(AUDIT_LOG, variables, { token: user.token })).auditLog;
  const numbers = (edges: { node: EntryNode }[]) => edges.map((edge) => edge.node.details['n']);
  const storedCount = async (subjectType: string): Promise<number> => {
    const rows: { count: number }[] = await dataSource.query(
      'SELECT count(*)::int AS count FROM audit_entry WHERE subject_type = $1',
      [subjectType],
    );
    return rows[0]?.count ?? 0;
  };

  describe('recording', () => {
    it('writes in the caller’s transaction: a rollback leaves nothing, a commit keeps the action and its entry together', async () => {
      const type = subjectTypeOfTest();
      await expect(
        dataSource.transaction(async (tx) => {
          await audit.record(managerAction(type, 1), tx);
          throw new Error('the action failed');
        }),
      ).rejects.toThrow('the action failed');
      expect(await storedCount(type)).toBe(0);

      // The entry is not visible outside the transaction before it commits.
      await dataSource.transaction(async (tx) => {
        await audit.record(managerAction(type, 2), tx);
        expect(await storedCount(type)).toBe(0);
      });
      expect(await storedCount(type)).toBe(1);
      expect(numbers((await page({ filter: { subjectType: type } })).edges)).toEqual([2]);
    });

    it('returns the entry as stored, and without a transaction writes it at once', async () => {
      const type = subjectTypeOfTest();
      const subjectId = randomUUID().toUpperCase();
      const before = Date.now();
      const entry = await audit.record(
        managerAction(type, 1, { subjectId, details: { list: [1, 'a', null], nested: { ok: true } } }),
      );
      expect(entry).toEqual<AuditEntryView>({
        id: expect.stringMatching(/^\d+$/) as unknown as string,
        at: expect.any(Date) as unknown as Date,
        actorId: manager.id,
        actorRole: 'MANAGER',
        action: 'PROPOSAL_CREATED',
        subjectType: type,
        subjectId: subjectId.toLowerCase(),
        summary: { fr: 'Proposition n° 1 créée.', en: 'Proposal #1 created.' },
        details: { list: [1, 'a', null], nested: { ok: true } },
        requestId: null,
      });
      expect(entry.at.getTime()).toBeGreaterThan(before - 60_000);
      expect(await storedCount(type)).toBe(1);
    });

    it('refuses an invalid entry with a plain error, and the caller’s transaction rolls back with it', async () => {
      const type = subjectTypeOfTest();
      await expect(
        dataSource.transaction(async (tx) => {
          await audit.record(managerAction(type, 1), tx);
          await audit.record(managerAction(type, 2, { action: 'voteCast' }), tx);
        }),
      ).rejects.toThrow(/^audit: action must be SCREAMING_SNAKE_CASE/);
      expect(await storedCount(type)).toBe(0);
      await expect(audit.record(managerAction(type, 3, { actorId: null }))).rejects.toThrow(/needs its actorId/);
      await expect(audit.record({ ...managerAction(type, 4), actorRole: 'SYSTEM' })).rejects.toThrow(/no actorId/);
    });

    it('keeps the id of the request being served, or the one given', async () => {
      const type = subjectTypeOfTest();
      await withRequestContext({ requestId: 'req-audit-1', locale: 'fr' }, () => audit.record(managerAction(type, 1)));
      await audit.record(managerAction(type, 2, { requestId: 'req-given.2' }));
      await audit.record(managerAction(type, 3));
      const { edges } = await page({ filter: { subjectType: type } });
      expect(edges.map((edge) => [edge.node.details['n'], edge.node.requestId])).toEqual([
        [3, null],
        [2, 'req-given.2'],
        [1, 'req-audit-1'],
      ]);
    });

    it('records the system without an actor', async () => {
      const type = subjectTypeOfTest();
      await audit.record({
        actorRole: 'SYSTEM',
        action: 'RELEASE_PUBLISHED',
        subjectType: type,
        subjectId: '12',
        summary: { fr: 'Version 12 publiée (programmée).', en: 'Release 12 published (scheduled).' },
      });
      const [edge] = (await page({ filter: { subjectType: type } })).edges;
      expect(edge?.node).toMatchObject({ actor: null, actorRole: 'SYSTEM', subjectId: '12', details: {} });
    });
  });

  describe('who may read it', () => {
    it('answers admins only: managers and operators are FORBIDDEN, the anonymous UNAUTHENTICATED', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      expect((await page({ first: 1 })).edges).toBeDefined();
      expect(await api.graphql.errorCode(AUDIT_LOG, {}, { token: manager.token })).toBe('FORBIDDEN');
      expect(await api.graphql.errorCode(AUDIT_LOG, {}, { token: operator.token })).toBe('FORBIDDEN');
      expect(await api.graphql.errorCode(AUDIT_LOG, {})).toBe('UNAUTHENTICATED');
      // The refusal carries no data at all.
      const refused = await api.graphql.request<Page>(AUDIT_LOG, {}, { token: manager.token });
      expect(refused.data?.auditLog ?? null).toBeNull();
    });
  });

  describe('anonymity', () => {
    it('names an operator only when they signed; otherwise no actor, no request id, and no trace in the table', async () => {
      const type = subjectTypeOfTest();
      const operator = await api.world.newUser(Role.OPERATOR);
      const endorsement = (n: number, signed?: boolean): AuditRecord => ({
        actorRole: 'OPERATOR',
        actorId: operator.id,
        signed,
        action: 'PROPOSAL_ENDORSED',
        subjectType: type,
        subjectId: 'P-1',
        summary: { fr: `Soutien n° ${n} d’un opérateur.`, en: `Operator endorsement #${n}.` },
        details: { n },
      });
      await withRequestContext({ requestId: 'req-anonymous', locale: 'fr' }, () => audit.record(endorsement(1)));
      await withRequestContext({ requestId: 'req-unsigned', locale: 'fr' }, () => audit.record(endorsement(2, false)));
      await withRequestContext({ requestId: 'req-signed', locale: 'fr' }, () => audit.record(endorsement(3, true)));

      const { edges } = await page({ filter: { subjectType: type } });
      expect(
        edges.map((edge) => [edge.node.details['n'], edge.node.actorRole, edge.node.actor, edge.node.requestId]),
      ).toEqual([
        [3, 'OPERATOR', { id: operator.id, displayName: operator.displayName }, 'req-signed'],
        [2, 'OPERATOR', null, null],
        [1, 'OPERATOR', null, null],
      ]);
      // Filtering by the operator finds only what they signed.
      expect(numbers((await page({ filter: { actorId: operator.id } })).edges)).toEqual([3]);
      // Nothing in the table ties the unsigned entries to them.
      const rows: { n: number; actor_id: string | null; request_id: string | null; text: string }[] =
        await dataSource.query(
          `SELECT (details->>'n')::int AS n, actor_id, request_id, row_to_json(a)::text AS text
         FROM audit_entry a WHERE subject_type = $1 ORDER BY id`,
          [type],
        );
      expect(rows.filter((row) => row.n !== 3).map((row) => [row.actor_id, row.request_id])).toEqual([
        [null, null],
        [null, null],
      ]);
      for (const row of rows.filter((r) => r.n !== 3)) expect(row.text).not.toContain(operator.id);
    });

    it('refuses an entry that names an operator who did not sign in its details', async () => {
      const operator = await api.world.newUser(Role.OPERATOR);
      await expect(
        audit.record({
          actorRole: 'OPERATOR',
          actorId: operator.id,
          action: 'PEPIN_SUPPORTED',
          subjectType: 'PEPIN',
          subjectId: randomUUID(),
          summary: { fr: 'Soutien.', en: 'Support.' },
          details: { supporter: operator.id },
        }),
      ).rejects.toThrow(/must not be named/);
    });
  });

  describe('querying', () => {
    it('pages newest first with opaque cursors', async () => {
      const type = subjectTypeOfTest();
      for (let n = 1; n <= 5; n++) await audit.record(managerAction(type, n));
      const first = await page({ filter: { subjectType: type }, first: 2 });
      expect(numbers(first.edges)).toEqual([5, 4]);
      expect(first.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: first.edges[0]?.cursor,
        endCursor: first.edges[1]?.cursor,
      });
      const second = await page({ filter: { subjectType: type }, first: 2, after: first.pageInfo.endCursor });
      expect(numbers(second.edges)).toEqual([3, 2]);
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const last = await page({ filter: { subjectType: type }, first: 2, after: second.pageInfo.endCursor });
      expect(numbers(last.edges)).toEqual([1]);
      expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      // Ids grow with insertion order.
      const ids = [...first.edges, ...second.edges, ...last.edges].map((edge) => BigInt(edge.node.id));
      expect([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(ids);
      // The default page size is 50.
      expect((await page({ filter: { subjectType: type } })).edges).toHaveLength(5);
    });

    it('filters by actor, action, subject and time, every criterion at once', async () => {
      const type = subjectTypeOfTest();
      const otherManager = await api.world.newUser(Role.MANAGER);
      await audit.record(managerAction(type, 1));
      await audit.record(managerAction(type, 2, { action: 'VOTE_OPENED', subjectId: 'S-1' }));
      await sleep(20); // distinct timestamps for the time window
      const third = await audit.record(
        managerAction(type, 3, { actorId: otherManager.id, action: 'VOTE_CAST', subjectId: 'S-1' }),
      );
      await sleep(20);
      const fourth = await audit.record(managerAction(type, 4, { action: 'VOTE_CAST' }));

      const find = async (filter: Record<string, unknown>) =>
        numbers((await page({ filter: { subjectType: type, ...filter } })).edges);
      expect(await find({})).toEqual([4, 3, 2, 1]);
      expect(await find({ actorId: otherManager.id })).toEqual([3]);
      expect(await find({ actorId: otherManager.id.toUpperCase() })).toEqual([3]);
      expect(await find({ actorId: manager.id })).toEqual([4, 2, 1]);
      expect(await find({ action: 'VOTE_CAST' })).toEqual([4, 3]);
      expect(await find({ action: 'not an action' })).toEqual([]);
      expect(await find({ subjectId: 'S-1' })).toEqual([3, 2, 1]);
      expect(await find({ subjectId: 'S-1', action: 'VOTE_CAST' })).toEqual([3]);
      expect(await find({ from: third.at.toISOString() })).toEqual([4, 3]);
      expect(await find({ to: third.at.toISOString() })).toEqual([2, 1]);
      expect(await find({ from: third.at.toISOString(), to: fourth.at.toISOString() })).toEqual([3]);
      // The admin sees who acted, by name.
      const [newestOfOther] = (await page({ filter: { subjectType: type, actorId: otherManager.id } })).edges;
      expect(newestOfOther?.node.actor).toEqual({ id: otherManager.id, displayName: otherManager.displayName });
    });

    it('finds a UUID subject however its case is written', async () => {
      const type = subjectTypeOfTest();
      const subjectId = randomUUID();
      await audit.record(managerAction(type, 1, { subjectId: subjectId.toUpperCase() }));
      expect(numbers((await page({ filter: { subjectId } })).edges)).toEqual([1]);
      expect(numbers((await page({ filter: { subjectId: subjectId.toUpperCase() } })).edges)).toEqual([1]);
    });

    it.each<[string, Record<string, unknown>]>([
      ['a cursor that is not one', { after: 'nope' }],
      ['another list’s cursor', { after: Buffer.from('release:3').toString('base64url') }],
      ['a page too large', { first: 201 }],
      ['an empty page', { first: 0 }],
      ['an actor id that is not a UUID', { filter: { actorId: 'bob' } }],
      ['an action longer than 80', { filter: { action: 'A'.repeat(81) } }],
      ['a period that ends before it starts', { filter: { from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' } }],
    ])('refuses %s with BAD_USER_INPUT', async (_name, variables) => {
      expect(await api.graphql.errorCode(AUDIT_LOG, variables, { token: admin.token })).toBe('BAD_USER_INPUT');
    });

    it('shows the summary in the reader’s language: the request’s, else the account’s, else French', async () => {
      const type = subjectTypeOfTest();
      const englishAdmin = await api.world.newUser(Role.ADMIN, { locale: 'en' });
      await audit.record(managerAction(type, 1));
      const summaries = async (user: TestUser, language?: string) =>
        (
          await api.graphql.ok<Page>(AUDIT_LOG, { filter: { subjectType: type } }, { token: user.token, language })
        ).auditLog.edges.map((edge) => edge.node.summary);
      expect(await summaries(admin)).toEqual(['Proposition n° 1 créée.']);
      expect(await summaries(englishAdmin)).toEqual(['Proposal #1 created.']);
      // The language the console asks for wins over the account's (issue 15: English screens showed French).
      expect(await summaries(admin, 'en')).toEqual(['Proposal #1 created.']);
    });
  });

  describe('append-only', () => {
    it('refuses to update, delete or empty the log, even to the application’s own connection', async () => {
      const type = subjectTypeOfTest();
      const entry = await audit.record(managerAction(type, 1));
      await expect(
        dataSource.query(`UPDATE audit_entry SET summary_fr = 'falsifié' WHERE id = $1`, [entry.id]),
      ).rejects.toThrow(/audit_entry is append-only: UPDATE refused/);
      await expect(dataSource.query('DELETE FROM audit_entry WHERE id = $1', [entry.id])).rejects.toThrow(
        /audit_entry is append-only: DELETE refused/,
      );
      await expect(dataSource.query('TRUNCATE audit_entry')).rejects.toThrow(
        /audit_entry is append-only: TRUNCATE refused/,
      );
      // Nor can anyone choose an id (they come from the identity, in order).
      await expect(
        dataSource.query(
          `INSERT INTO audit_entry (id, actor_role, action, subject_type, subject_id, summary_fr, summary_en, details)
           VALUES (1, 'SYSTEM', 'FORGED', $1, 'x', 'x', 'x', '{}')`,
          [type],
        ),
      ).rejects.toThrow(/non-DEFAULT value into column "id"/);
      // The database itself keeps a manager's entry attributed.
      await expect(
        dataSource.query(
          `INSERT INTO audit_entry (actor_role, action, subject_type, subject_id, summary_fr, summary_en, details)
           VALUES ('MANAGER', 'FORGED', $1, 'x', 'x', 'x', '{}')`,
          [type],
        ),
      ).rejects.toThrow(/check constraint/);
      const [stored] = (await page({ filter: { subjectType: type } })).edges;
      expect(stored?.node).toMatchObject({ id: entry.id, summary: 'Proposition n° 1 créée.' });
      expect(await storedCount(type)).toBe(1);
    });
  });
});
