import { randomUUID } from 'node:crypto';
import { Role } from '@pepite/api/identity';
import { PepinStatus } from '@pepite/api/pepins';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { moveTo, notificationsOf, PEPIN, PEPIN_FIELDS, sql, type PepinJson } from '../support/pepin-graphql';

const ACKNOWLEDGE_PEPINS = `mutation AckMany($ids: [ID!]!, $message: String) {
  acknowledgePepins(ids: $ids, message: $message) { ${PEPIN_FIELDS} } }`;

let api: TestApi;
let reporter: TestUser;
let otherReporter: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let admin: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  otherReporter = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  admin = await api.world.newUser(Role.ADMIN);
  otherManager = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
});
afterAll(() => api.close());

async function newIds(count: number, by: TestUser = reporter): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await api.world.newPepin(by)).id);
  return ids;
}

async function statusOf(id: string): Promise<string> {
  return (await api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id }, { token: manager.token })).pepin.status;
}

async function noticesAbout(user: TestUser, id: string): Promise<number> {
  return (await notificationsOf(api, user)).filter((n) => n.subjectId === id).length;
}

/** Every history line of these pépins: nothing may be written by a failed call. */
async function eventCount(ids: string[]): Promise<number> {
  const [row] = await sql<{ count: string }>(api, 'SELECT count(*) FROM pepin_event WHERE pepin_id = ANY($1)', [ids]);
  return Number(row?.count);
}

describe('acknowledgePepins', () => {
  it('acknowledges several pépins at once, with one history line and one notice each', async () => {
    const mine = await newIds(2);
    const [theirs] = await newIds(1, otherReporter);
    const ids = [...mine, theirs as string];
    const { acknowledgePepins } = await api.graphql.ok<{ acknowledgePepins: PepinJson[] }>(
      ACKNOWLEDGE_PEPINS,
      { ids, message: 'Merci, nous regardons ces cas cette semaine.' },
      { token: manager.token },
    );
    expect(acknowledgePepins.map((p) => p.id)).toEqual(ids);
    for (const pepin of acknowledgePepins) {
      expect(pepin).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: expect.any(String) });
      expect(pepin.history.at(-1)).toMatchObject({
        kind: 'ACKNOWLEDGED',
        actorRole: 'MANAGER',
        fromStatus: 'NEW',
        toStatus: 'ACKNOWLEDGED',
        message: 'Merci, nous regardons ces cas cette semaine.',
      });
      expect(pepin.history.filter((event) => event.toStatus === 'ACKNOWLEDGED')).toHaveLength(1);
    }
    for (const id of mine) expect(await noticesAbout(reporter, id)).toBe(1);
    expect(await noticesAbout(otherReporter, theirs as string)).toBe(1);
    const [notice] = (await notificationsOf(api, reporter)).filter((n) => n.subjectId === mine[0]);
    expect(notice).toMatchObject({ kind: 'PEPIN_ACKNOWLEDGED', params: { status: 'ACKNOWLEDGED' } });
    expect(notice?.text.fr).toContain('Message : Merci, nous regardons ces cas cette semaine.');
  });

  it('lets an admin acknowledge, and counts a repeated id once', async () => {
    const [id] = await newIds(1);
    const { acknowledgePepins } = await api.graphql.ok<{ acknowledgePepins: PepinJson[] }>(
      ACKNOWLEDGE_PEPINS,
      { ids: [id, id] },
      { token: admin.token },
    );
    expect(acknowledgePepins).toHaveLength(1);
    expect(acknowledgePepins[0]?.history.at(-1)).toMatchObject({ actorRole: 'ADMIN', message: null });
    expect(await noticesAbout(reporter, id as string)).toBe(1);
  });

  it('writes nothing when one pépin is not NEW (ILLEGAL_TRANSITION), unknown or of another site (NOT_FOUND)', async () => {
    const [declined] = await newIds(1);
    await moveTo(
      api,
      manager,
      [declined as string],
      PepinStatus.DECLINED,
      'Ce cas est déjà couvert par la règle en vigueur.',
    );
    const fresh = await newIds(2);
    const elsewhereUser = await api.world.newUser(Role.OPERATOR, { site: await api.world.newSite() });
    const [elsewhere] = await newIds(1, elsewhereUser);
    const before = await eventCount(fresh);
    const noticesBefore = await noticesAbout(reporter, fresh[0] as string);

    const cases: [string[], string][] = [
      [[...fresh, declined as string], 'ILLEGAL_TRANSITION'],
      [[...fresh, randomUUID()], 'NOT_FOUND'],
      [[...fresh, 'not-an-id'], 'NOT_FOUND'],
      [[...fresh, elsewhere as string], 'NOT_FOUND'],
    ];
    for (const [ids, code] of cases) {
      expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPINS, { ids }, { token: manager.token })).toBe(code);
    }
    for (const id of fresh) expect(await statusOf(id)).toBe('NEW');
    expect(await eventCount(fresh)).toBe(before);
    expect(await noticesAbout(reporter, fresh[0] as string)).toBe(noticesBefore);
  });

  it('answers a manager of another site exactly as the single mutation does', async () => {
    const ids = await newIds(2);
    const single = `mutation AckOne($id: ID!) { acknowledgePepin(id: $id) { id } }`;
    const singleCode = await api.graphql.errorCode(single, { id: ids[0] }, { token: otherManager.token });
    expect(singleCode).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPINS, { ids }, { token: otherManager.token })).toBe(singleCode);
    for (const id of ids) expect(await statusOf(id)).toBe('NEW');
  });

  it('refuses operators (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const ids = await newIds(1);
    expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPINS, { ids }, { token: reporter.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPINS, { ids })).toBe('UNAUTHENTICATED');
    expect(await statusOf(ids[0] as string)).toBe('NEW');
  });

  it('takes 1 to 100 pépins (BAD_USER_INPUT otherwise)', async () => {
    const [id] = await newIds(1);
    const tooMany = [id as string, ...Array.from({ length: 100 }, () => randomUUID())];
    expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPINS, { ids: tooMany }, { token: manager.token })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await api.graphql.errorCode(ACKNOWLEDGE_PEPINS, { ids: [] }, { token: manager.token })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await statusOf(id as string)).toBe('NEW');
  });
});
