import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { DesktopReporter, type StorageLike } from '@pepite/rulebook-client';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { DataSource } from 'typeorm';

/**
 * The SDK's status reports against the real API (issue 19): offline then online sends the
 * owed status once; two desktops of one operator are two desktops and one operator; a report
 * replayed with the same desktop id and release changes nothing.
 */

let api: TestApi;
let operator: TestUser;
let manager: TestUser;
let version: number;

beforeAll(async () => {
  api = await startTestApi();
  operator = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  const release = await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('STATUS-001') }] });
  version = release.version;
});
afterAll(() => api.close());

/** A network the test can cut: counts the requests that reached the API, and those that failed. */
class Network {
  online = true;
  reached = 0;
  failed = 0;
  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (!this.online) {
      this.failed += 1;
      throw new TypeError('fetch failed: offline');
    }
    this.reached += 1;
    return fetch(input, init);
  };
}

function memory(): StorageLike {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const statuses = (userId: string) =>
  api.app
    .get(DataSource)
    .query<{ desktop_id: string; release_version: number; applied_at: Date }[]>(
      'SELECT desktop_id, release_version, applied_at FROM desktop_status WHERE user_id = $1 ORDER BY desktop_id',
      [userId],
    );

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

function reporter(network: Network, user: TestUser, storage = memory()): DesktopReporter {
  return new DesktopReporter({
    graphqlUrl: `${api.baseUrl}/graphql`,
    getToken: () => user.token,
    fetch: network.fetch,
    storage,
    heartbeatMs: 0,
    retryMs: 5,
  });
}

it('sends a status owed while offline once the network is back, and only once', async () => {
  const network = new Network();
  network.online = false;
  const desktop = reporter(network, operator);
  desktop.start();
  await desktop.applied(version);
  // It keeps trying while offline…
  await until(() => network.failed >= 3);
  expect(desktop.pending).toBe(true);
  expect(await statuses(operator.id)).toHaveLength(0);
  network.online = true;
  await until(() => !desktop.pending);
  expect(network.reached).toBe(1);
  // …and, once sent, nothing more is owed: another flush sends nothing.
  await desktop.flush();
  expect(network.reached).toBe(1);
  const rows = await statuses(operator.id);
  expect(rows).toEqual([expect.objectContaining({ desktop_id: desktop.desktopId, release_version: version })]);
  desktop.stop();
});

it('keeps what is owed across a restart of the desktop (same storage)', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const network = new Network();
  network.online = false;
  const storage = memory();
  const first = reporter(network, user, storage);
  await first.applied(version);
  first.stop();
  network.online = true;
  const second = reporter(network, user, storage);
  expect(second.desktopId).toBe(first.desktopId);
  second.start();
  await until(() => !second.pending);
  expect(network.reached).toBe(1);
  expect(await statuses(user.id)).toHaveLength(1);
  second.stop();
});

it('counts two desktops of one operator as one operator', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const network = new Network();
  const one = reporter(network, user);
  const two = reporter(network, user);
  await one.applied(version);
  await two.applied(version);
  expect((await statuses(user.id)).map((row) => row.desktop_id).sort()).toEqual([one.desktopId, two.desktopId].sort());
  const { releaseAdoption } = await api.graphql.ok<{ releaseAdoption: { activeOperators: { count: number | null } } }>(
    'query($v: Int!) { releaseAdoption(version: $v) { activeOperators { count } } }',
    { v: version },
    { token: manager.token },
  );
  // operator, the restarted desktop's user and this one: three people, four desktops.
  expect(releaseAdoption.activeOperators.count).toBe(3);
});

it('changes nothing when the same report is replayed with the same desktop id', async () => {
  const user = await api.world.newUser(Role.OPERATOR);
  const storage = memory();
  const network = new Network();
  const desktop = reporter(network, user, storage);
  await desktop.applied(version, new Date(Date.now() - 60_000));
  const before = await statuses(user.id);
  const uptake = () =>
    api.app.get(DataSource).query('SELECT first_applied_at FROM release_uptake WHERE user_id = $1', [user.id]);
  const uptakeBefore = await uptake();
  // The same desktop (its stored state) reports the same release again, as after a lost answer.
  const replay = reporter(network, user, storage);
  await replay.applied(version);
  expect(replay.desktopId).toBe(desktop.desktopId);
  expect(network.reached).toBe(2);
  expect(await statuses(user.id)).toEqual(before);
  expect(await uptake()).toEqual(uptakeBefore);
});
