import { Role } from '@pepite/api/identity';
import { DesktopStatusFastPath } from '@pepite/api/return-path';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { DataSource } from 'typeorm';

/**
 * `POST /api/desktop/status` (issue 19), the SDK's path for a status report: answered before
 * Express when it is a valid report of a signed-in desktop, written in batches, and handed to
 * the controller for everything else, so refusals are the API's usual ones.
 */

let api: TestApi;
let operator: TestUser;
let versions: number[];

beforeAll(async () => {
  api = await startTestApi();
  operator = await api.world.newUser(Role.OPERATOR);
  const publisher = api.app.get(RulebookPublisher);
  const first = await publisher.publish({ changes: [{ kind: 'CREATE', rule: sampleRule('ROUTE-001') }] });
  const second = await publisher.publish({ changes: [{ kind: 'AMEND', rule: sampleRule('ROUTE-001', { title: 'Route amendée' }) }] });
  versions = [first.version, second.version];
});
afterAll(() => api.close());

const fastAnswers = () => api.app.get(DesktopStatusFastPath).answeredCount;

function post(body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${api.baseUrl}/api/desktop/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const rows = (userId: string) =>
  api.app
    .get(DataSource)
    .query<{ desktop_id: string; release_version: number }[]>(
      'SELECT desktop_id, release_version FROM desktop_status WHERE user_id = $1 ORDER BY desktop_id',
      [userId],
    );

it('records a report answered by the fast path, committed before the answer', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const before = fastAnswers();
  const desktopId = '00000000-0000-4000-8000-000000000001';
  const response = await post({ releaseVersion: versions[0], appliedAt: new Date().toISOString(), desktopId }, user.token);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ releaseVersion: versions[0], recorded: true });
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(fastAnswers()).toBe(before + 1);
  expect(await rows(user.id)).toEqual([{ desktop_id: desktopId, release_version: versions[0] }]);
});

it('merges reports of one desktop that share a batch: the release only moves forward', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const desktopId = '00000000-0000-4000-8000-000000000002';
  const at = new Date().toISOString();
  const answers = await Promise.all(
    [versions[1], versions[0], versions[1], versions[0]].map((releaseVersion) => post({ releaseVersion, appliedAt: at, desktopId }, user.token)),
  );
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  expect(await rows(user.id)).toEqual([{ desktop_id: desktopId, release_version: versions[1] }]);
  // An older release reported later changes nothing either.
  expect((await post({ releaseVersion: versions[0], appliedAt: at, desktopId }, user.token)).status).toBe(200);
  expect(await rows(user.id)).toEqual([{ desktop_id: desktopId, release_version: versions[1] }]);
});

// During a storm every round trip of a batch cost the API's thread about as much as the rows
// it carried: a batch is one statement (both upserts and the floor's notification), not a
// transaction of five.
it('writes a batch of reports in one statement, with no transaction around it', async () => {
  const users = await Promise.all([1, 2, 3].map(() => api.world.newUser(Role.OPERATOR)));
  const at = new Date().toISOString();
  // Their principals known first: only the batch is left to reach the database.
  for (const user of users) await api.graphql.ok('{ me { id } }', {}, { token: user.token });
  const dataSource = api.app.get(DataSource);
  const queries = jest.spyOn(dataSource, 'query');
  const transactions = jest.spyOn(dataSource, 'transaction');
  try {
    const answers = await Promise.all(users.map((user) => post({ releaseVersion: versions[1], appliedAt: at }, user.token)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const writes = queries.mock.calls.filter(([sql]) => /desktop_status|release_uptake|pg_notify/.test(String(sql)));
    expect(writes).toHaveLength(1);
    expect(transactions).not.toHaveBeenCalled();
  } finally {
    queries.mockRestore();
    transactions.mockRestore();
  }
  for (const user of users) expect(await rows(user.id)).toEqual([{ desktop_id: user.id, release_version: versions[1] }]);
});

it('hands refusals to the controller: no token, unknown release, invalid body, manager not kept', async () => {
  const report = { releaseVersion: versions[0], appliedAt: new Date().toISOString() };
  const anonymous = await post(report);
  expect(anonymous.status).toBe(401);
  expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');

  const unknown = await post({ ...report, releaseVersion: 999_999 }, operator.token, { 'accept-language': 'en' });
  expect(unknown.status).toBe(400);
  expect((await unknown.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Rulebook release 999999 does not exist.' });

  for (const body of [{ ...report, extra: 1 }, { ...report, desktopId: 'not-a-uuid' }, { releaseVersion: 'one' }, '{not json']) {
    const invalid = await post(body, operator.token);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toMatch(/BAD_USER_INPUT|BAD_REQUEST/);
  }

  const manager = await api.world.newUser(Role.MANAGER);
  const managed = await post(report, manager.token);
  expect(managed.status).toBe(200);
  expect(await managed.json()).toEqual({ releaseVersion: versions[0], recorded: false });
  expect(await rows(manager.id)).toEqual([]);
});

it('answers a cross-origin report through the controller, like any other route', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const before = fastAnswers();
  const response = await post({ releaseVersion: versions[0], appliedAt: new Date().toISOString() }, user.token, {
    origin: 'https://elsewhere.example',
  });
  expect(response.status).toBe(200);
  expect(fastAnswers()).toBe(before);
  expect(await rows(user.id)).toEqual([{ desktop_id: user.id, release_version: versions[0] }]);
});

it('bounds a runaway desktop per operator (RATE_LIMITED), without a shared counter write per report', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const report = { releaseVersion: versions[0], appliedAt: new Date().toISOString() };
  let status = 200;
  let sent = 0;
  while (status === 200 && sent < 100) {
    status = (await post(report, user.token)).status;
    sent++;
  }
  expect(status).toBe(429);
  expect(sent).toBe(61);
});
