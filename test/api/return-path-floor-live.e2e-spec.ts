import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { FloorChangeHub, MandatoryReadingService } from '@pepite/api/return-path';
import { RulebookPublisher } from '@pepite/api/rulebook';
import {
  authenticated,
  eventually,
  sampleRule,
  startTestApi,
  watchSubscription,
  type SubscriptionWatch,
  type TestApi,
  type TestUser,
} from '@pepite/test-support';

/**
 * `floorChanged`: the managers' /floor screen is pushed, not polled (issue 19). Two API
 * instances on one database: desktops report and operators acknowledge through one, the
 * manager watches on the other.
 */
let api: TestApi;
let second: TestApi;
const clients: Client[] = [];
let version: number;

beforeAll(async () => {
  api = await startTestApi();
  second = await startTestApi({}, { database: api.database });
  const release = await api.app
    .get(RulebookPublisher)
    .publish({ changes: [{ kind: 'CREATE', rule: sampleRule('FLOOR-001') }], mandatory: ['FLOOR-001'] });
  version = release.version;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await second.close();
  await api.close();
});

const watch = (user: TestUser, siteId?: string): SubscriptionWatch => {
  const client = createClient({
    url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${user.token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return watchSubscription(client, `subscription { floorChanged${siteId ? `(siteId: "${siteId}")` : ''} { siteId } }`);
};

const report = (user: TestUser, desktop: string) =>
  fetch(`${second.baseUrl}/api/desktop/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ releaseVersion: version, appliedAt: new Date().toISOString(), desktopId: desktop }),
  });

it('tells the manager, on another instance, when a desktop first runs the release, with the site id and nothing else', async () => {
  const site = await api.world.newSite();
  const operator = await api.world.newUser(Role.OPERATOR, { site });
  const manager = await api.world.newUser(Role.MANAGER, { site });
  const hub = api.app.get(FloorChangeHub);
  const open = hub.watching;
  const watched = watch(manager);
  await eventually(() => hub.watching === open + 1);

  // A report on another site says nothing here.
  const elsewhere = await api.world.newUser(Role.OPERATOR, { site: await api.world.newSite() });
  expect((await report(elsewhere, '00000000-0000-4000-8000-00000000f001')).status).toBe(200);
  expect((await report(operator, '00000000-0000-4000-8000-00000000f002')).status).toBe(200);
  const [first] = await watched.next(1);
  expect(first).toEqual({ data: { floorChanged: { siteId: site.site.id } } });
  expect(watched.failure()).toBeUndefined();
});

it('tells the manager when an operator acknowledges a mandatory change through the other instance', async () => {
  const site = await api.world.newSite();
  const operator = await api.world.newUser(Role.OPERATOR, { site });
  const manager = await api.world.newUser(Role.MANAGER, { site });
  const hub = api.app.get(FloorChangeHub);
  const open = hub.watching;
  const watched = watch(manager);
  await eventually(() => hub.watching === open + 1);
  const [change] = await second.app.get(MandatoryReadingService).mine(authenticated(operator));
  expect(change).toBeDefined();
  await second.app.get(MandatoryReadingService).acknowledge(authenticated(operator), {
    releaseVersion: change?.releaseVersion as number,
    ruleKey: change?.ruleKey as string,
  });
  const [pushed] = await watched.next(1);
  expect(pushed).toEqual({ data: { floorChanged: { siteId: site.site.id } } });
});

it('coalesces a burst of reports into few pushes', async () => {
  const site = await api.world.newSite();
  const manager = await api.world.newUser(Role.MANAGER, { site });
  const operators = await Promise.all(Array.from({ length: 30 }, () => api.world.newUser(Role.OPERATOR, { site })));
  const hub = api.app.get(FloorChangeHub);
  const open = hub.watching;
  const watched = watch(manager);
  await eventually(() => hub.watching === open + 1);
  for (const [index, operator] of operators.entries()) {
    expect((await report(operator, `00000000-0000-4000-8000-0000000f1${String(index).padStart(3, '0')}`)).status).toBe(200);
  }
  await watched.next(1);
  // Thirty first runs, one push per second at most per watcher: far fewer pushes than reports.
  expect(watched.results.length).toBeLessThan(operators.length);
});

it('lets a manager watch only their own site', async () => {
  const manager = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
  const other = await api.world.newSite();
  const [refused] = await watch(manager, other.site.id).next(1);
  expect(refused?.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  const operator = await api.world.newUser(Role.OPERATOR);
  const [forbidden] = await watch(operator).next(1);
  expect(forbidden?.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
});

it('carries nothing but the site id', () => {
  const type = api.app.get(GraphQLSchemaHost).schema.getType('FloorChange');
  expect(isObjectType(type) ? Object.keys(type.getFields()) : []).toEqual(['siteId']);
});
