import { createClient, type Client } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { NotificationsService, type NotifyInput } from '@pepite/api/notifications';
import { startTestApi, type TestApi, type TestUser, eventually, watchSubscription, type SubscriptionWatch } from '@pepite/test-support';
import { NotificationEventHub } from '../../libs/api/notifications/src/application/notification-event-hub';
import { NotificationWatcher } from '../../libs/api/notifications/src/application/notification-watcher';

const NODE = 'id kind text title link subjectType subjectId params readAt createdAt';
const NOTIFICATIONS = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    unreadCount
    edges { cursor node { ${NODE} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const MARK_READ = 'mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }';
const NOTIFICATION_ADDED = `subscription { notificationAdded { ${NODE} } }`;

interface NotificationView {
  id: string;
  kind: string;
  text: string;
  title: string;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  params: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}
interface Page {
  notifications: {
    unreadCount: number;
    edges: { cursor: string; node: NotificationView }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const PEPIN_ID = '3f0b8a52-6a55-4c1e-9a43-0d3c2a8f1b7e';

/** A notification as the pépins context would send it; `n` tells them apart. */
const acknowledged = (recipients: TestUser[], n: number): NotifyInput => ({
  recipientIds: recipients.map((user) => user.id),
  kind: 'PEPIN_ACKNOWLEDGED',
  subjectType: 'PEPIN',
  subjectId: PEPIN_ID,
  params: { reference: `PEP-${n}`, release: n, tags: ['a', 'b'], nested: { ok: true } },
});

describe('notifications', () => {
  let api: TestApi;
  let service: NotificationsService;
  let dataSource: DataSource;
  beforeAll(async () => {
    api = await startTestApi();
    service = api.app.get(NotificationsService);
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const page = async (user: TestUser, variables: Record<string, unknown> = {}) =>
    (await api.graphql.ok<Page>(NOTIFICATIONS, variables, { token: user.token })).notifications;
  const markRead = async (user: TestUser, variables: Record<string, unknown>) =>
    (await api.graphql.ok<{ markNotificationsRead: number }>(MARK_READ, variables, { token: user.token }))
      .markNotificationsRead;
  const storedFor = async (user: TestUser): Promise<number> => {
    const rows: { count: number }[] = await dataSource.query(
      'SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1',
      [user.id],
    );
    return rows[0]?.count ?? 0;
  };

  describe('reading', () => {
    it('pages through the caller’s notifications, newest first, with the unread count', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const other = await api.world.newUser(Role.OPERATOR);
      for (let n = 1; n <= 5; n++) await service.notify(acknowledged([reader], n));
      await service.notify(acknowledged([other], 99));

      const first = await page(reader, { first: 2 });
      expect(first.unreadCount).toBe(5);
      expect(first.edges.map((edge) => edge.node.params['reference'])).toEqual(['PEP-5', 'PEP-4']);
      expect(first.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: first.edges[0]?.cursor,
        endCursor: first.edges[1]?.cursor,
      });
      const second = await page(reader, { first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((edge) => edge.node.params['reference'])).toEqual(['PEP-3', 'PEP-2']);
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const last = await page(reader, { first: 2, after: second.pageInfo.endCursor });
      expect(last.edges.map((edge) => edge.node.params['reference'])).toEqual(['PEP-1']);
      expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

      // The default page holds all of them, and nothing of anyone else's.
      const all = await page(reader);
      expect(all.edges).toHaveLength(5);
      expect(all.edges[0]?.node).toEqual({
        id: expect.any(String),
        kind: 'PEPIN_ACKNOWLEDGED',
        text: 'Votre pépin PEP-5 a été pris en compte par les managers.',
        title: 'Pépin pris en compte',
        link: `/my-pepins/${PEPIN_ID}`,
        subjectType: 'PEPIN',
        subjectId: PEPIN_ID,
        params: { reference: 'PEP-5', release: 5, tags: ['a', 'b'], nested: { ok: true } },
        readAt: null,
        createdAt: expect.any(String),
      });
      expect(Date.parse(all.edges[0]?.node.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

      // unreadOnly leaves out what was read; the count follows.
      const [newest, , third] = all.edges.map((edge) => edge.node.id);
      expect(await markRead(reader, { ids: [newest, third] })).toBe(2);
      const unread = await page(reader, { unreadOnly: true });
      expect(unread.unreadCount).toBe(3);
      expect(unread.edges.map((edge) => edge.node.params['reference'])).toEqual(['PEP-4', 'PEP-2', 'PEP-1']);
      const unreadFirst = await page(reader, { unreadOnly: true, first: 1 });
      const unreadNext = await page(reader, { unreadOnly: true, first: 2, after: unreadFirst.pageInfo.endCursor });
      expect(unreadNext.edges.map((edge) => edge.node.params['reference'])).toEqual(['PEP-2', 'PEP-1']);
      expect(unreadNext.pageInfo.hasNextPage).toBe(false);
      expect(await service.unreadCount(reader.id)).toBe(3);
    });

    it('shows the text in the reader’s language: the language the request names, else the account’s, else French', async () => {
      const french = await api.world.newUser(Role.OPERATOR);
      const english = await api.world.newUser(Role.OPERATOR, { locale: 'en' });
      await service.notify(acknowledged([french, english], 7));
      expect((await page(french)).edges.map((edge) => edge.node.text)).toEqual([
        'Votre pépin PEP-7 a été pris en compte par les managers.',
      ]);
      expect((await page(english)).edges.map((edge) => edge.node.text)).toEqual([
        'Your pépin PEP-7 has been acknowledged by the managers.',
      ]);
      // The console switched to English sends Accept-Language: en, and reads English
      // whatever the account says (issue 15: English notifications stayed French).
      const asked = await api.graphql.ok<Page>(NOTIFICATIONS, {}, { token: french.token, language: 'en' });
      expect(asked.notifications.edges[0]?.node).toMatchObject({
        text: 'Your pépin PEP-7 has been acknowledged by the managers.',
        title: 'Pépin acknowledged',
      });
      const inFrench = await api.graphql.ok<Page>(NOTIFICATIONS, {}, { token: english.token, language: 'fr-FR,fr;q=0.9' });
      expect(inFrench.notifications.edges[0]?.node.text).toBe('Votre pépin PEP-7 a été pris en compte par les managers.');
      // A header naming neither language leaves the account's choice.
      const german = await api.graphql.ok<Page>(NOTIFICATIONS, {}, { token: english.token, language: 'de' });
      expect(german.notifications.edges[0]?.node.text).toBe('Your pépin PEP-7 has been acknowledged by the managers.');
    });

    it('lets every role read its own notifications', async () => {
      for (const role of [Role.OPERATOR, Role.MANAGER, Role.ADMIN]) {
        const user = await api.world.newUser(role);
        await service.notify({
          recipientIds: [user.id],
          kind: 'VOTE_OPENED',
          params: { reference: 'PRO-000001', title: role },
        });
        const own = await page(user);
        expect(own.unreadCount).toBe(1);
        expect(own.edges.map((edge) => edge.node)).toEqual([
          expect.objectContaining({
            kind: 'VOTE_OPENED',
            text: expect.stringContaining(`Un vote est ouvert sur la proposition PRO-000001 « ${role} »`),
            subjectType: null,
            subjectId: null,
            link: null,
            params: { reference: 'PRO-000001', title: role },
          }),
        ]);
        expect(await markRead(user, { all: true })).toBe(1);
      }
    });

    it('refuses anonymous callers (UNAUTHENTICATED)', async () => {
      expect(await api.graphql.errorCode(NOTIFICATIONS)).toBe('UNAUTHENTICATED');
      expect(await api.graphql.errorCode(MARK_READ, { all: true })).toBe('UNAUTHENTICATED');
    });

    it('refuses bad pages and cursors (BAD_USER_INPUT), including a cursor of someone else’s notification', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const other = await api.world.newUser(Role.OPERATOR);
      await service.notify(acknowledged([reader], 1));
      await service.notify(acknowledged([other], 2));
      const othersCursor = (await page(other)).pageInfo.endCursor;
      const unknownCursor = Buffer.from(`notification:${PEPIN_ID}`).toString('base64url');
      for (const variables of [
        { first: 0 },
        { first: 101 },
        { after: 'nonsense' },
        { after: othersCursor },
        { after: unknownCursor },
      ]) {
        const response = await api.graphql.request(NOTIFICATIONS, variables, { token: reader.token });
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      // Someone else's cursor and an unknown one get the very same answer.
      const foreign = await api.graphql.request(
        NOTIFICATIONS,
        { after: othersCursor },
        { token: reader.token, language: 'en' },
      );
      const unknown = await api.graphql.request(
        NOTIFICATIONS,
        { after: unknownCursor },
        { token: reader.token, language: 'en' },
      );
      expect(foreign.errors).toEqual(unknown.errors);
      expect(unknown.errors?.[0]?.message).toBe(
        'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
      );
    });
  });

  describe('marking read', () => {
    it('marks only the caller’s own: someone else’s id counts 0 and changes nothing', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const other = await api.world.newUser(Role.MANAGER);
      await service.notify(acknowledged([reader, other], 1));
      await service.notify(acknowledged([reader], 2));
      const [othersId] = (await page(other)).edges.map((edge) => edge.node.id);
      const [mine] = (await page(reader)).edges.map((edge) => edge.node.id);

      expect(await markRead(reader, { ids: [othersId] })).toBe(0);
      expect(await markRead(reader, { ids: [PEPIN_ID, 'not-a-uuid'] })).toBe(0);
      expect((await page(other)).edges.map((edge) => edge.node.readAt)).toEqual([null]);

      expect(await markRead(reader, { ids: [mine, mine, othersId] })).toBe(1);
      const after = await page(reader);
      expect(after.unreadCount).toBe(1);
      expect(after.edges[0]?.node.readAt).toEqual(expect.any(String));
      // Already read: nothing more to mark.
      expect(await markRead(reader, { ids: [mine] })).toBe(0);
      expect(await markRead(reader, { ids: [] })).toBe(0);

      expect(await markRead(reader, { all: true })).toBe(1);
      expect(await markRead(reader, { all: true })).toBe(0);
      expect((await page(reader)).unreadCount).toBe(0);
      // The other user's notification is still unread.
      expect((await page(other)).unreadCount).toBe(1);
      expect(await service.markRead(other.id, 'all')).toBe(1);
    });

    it.each<[string, Record<string, unknown>]>([
      ['neither ids nor all', {}],
      ['both ids and all', { ids: [PEPIN_ID], all: true }],
      ['all: false', { all: false }],
      ['more than 500 ids', { ids: Array.from({ length: 501 }, () => PEPIN_ID) }],
    ])('refuses %s (BAD_USER_INPUT)', async (_name, variables) => {
      const reader = await api.world.newUser(Role.OPERATOR);
      await service.notify(acknowledged([reader], 1));
      const response = await api.graphql.request(MARK_READ, variables, { token: reader.token });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await page(reader)).unreadCount).toBe(1);
    });
  });

  describe('notify', () => {
    it('stores one row per distinct recipient, and nothing for an empty list', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      await service.notify(acknowledged([reader, reader], 1));
      await service.notify({ ...acknowledged([], 2), recipientIds: [reader.id.toUpperCase()] });
      await service.notify(acknowledged([], 3));
      expect(await storedFor(reader)).toBe(2);
    });

    it('refuses malformed input from a calling context without storing anything', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const valid = acknowledged([reader], 1);
      const invalid: NotifyInput[] = [
        { ...valid, recipientIds: [reader.id, 'someone'] },
        { ...valid, kind: 'pepin acknowledged' },
        { ...valid, kind: 'K'.repeat(61) },
        { ...valid, subjectId: undefined },
        { ...valid, subjectId: 'PEP-000001' },
        { ...valid, kind: 'PEPIN_EATEN' },
        { ...valid, params: { when: new Date() } },
      ];
      for (const input of invalid) await expect(service.notify(input)).rejects.toThrow(/^notify: /);
      expect(await storedFor(reader)).toBe(0);
    });

    it('writes in the caller’s transaction: a rollback leaves nothing behind', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      await expect(
        dataSource.transaction(async (manager) => {
          await service.notify(acknowledged([reader], 1), manager);
          throw new Error('the transition failed');
        }),
      ).rejects.toThrow('the transition failed');
      expect(await storedFor(reader)).toBe(0);
      await dataSource.transaction((manager) => service.notify(acknowledged([reader], 2), manager));
      expect(await storedFor(reader)).toBe(1);
    });
  });

  describe('notificationAdded over graphql-ws', () => {
    let second: TestApi;
    let watcher: NotificationWatcher;
    const clients: Client[] = [];
    beforeAll(async () => {
      second = await startTestApi({}, { database: api.database });
      watcher = api.app.get(NotificationWatcher);
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
    });
    afterAll(() => second.close());

    const connect = (user: TestUser, language?: string) => {
      const client = createClient({
        url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${user.token}`, ...(language ? { language } : {}) },
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    };
    const referencesOf = (watch: SubscriptionWatch) =>
      watch.results.map(
        (result) => (result.data?.['notificationAdded'] as NotificationView | undefined)?.params['reference'],
      );

    it('pushes each of the caller’s notifications once, in their language, whichever instance notified', async () => {
      const alice = await api.world.newUser(Role.OPERATOR, { locale: 'en' });
      const bob = await api.world.newUser(Role.MANAGER);
      const open = watcher.watching;
      const alices = watchSubscription(connect(alice), NOTIFICATION_ADDED);
      const bobs = watchSubscription(connect(bob), NOTIFICATION_ADDED);
      await eventually(() => watcher.watching === open + 2);

      await service.notify(acknowledged([alice], 1));
      await service.notify(acknowledged([bob], 2));
      // Through the other API instance on the same database.
      await second.app.get(NotificationsService).notify(acknowledged([alice, bob], 3));
      await dataSource.transaction((manager) => service.notify(acknowledged([alice], 4), manager));

      await alices.next(3);
      await bobs.next(2);
      const [first] = alices.results;
      expect(first?.data?.['notificationAdded']).toEqual({
        id: expect.any(String),
        kind: 'PEPIN_ACKNOWLEDGED',
        text: 'Your pépin PEP-1 has been acknowledged by the managers.',
        title: 'Pépin acknowledged',
        link: `/my-pepins/${PEPIN_ID}`,
        subjectType: 'PEPIN',
        subjectId: PEPIN_ID,
        params: { reference: 'PEP-1', release: 1, tags: ['a', 'b'], nested: { ok: true } },
        readAt: null,
        createdAt: expect.any(String),
      });
      expect((bobs.results[0]?.data?.['notificationAdded'] as NotificationView).text).toBe(
        'Votre pépin PEP-2 a été pris en compte par les managers.',
      );
      // Nothing twice, nothing of anyone else's: a last one closes the list for each.
      await service.notify(acknowledged([alice, bob], 5));
      await alices.next(4);
      await bobs.next(3);
      // One ordered stream each: once a later one has arrived, nothing pushed before it is still on the way.
      await service.notify(acknowledged([alice, bob], 6));
      await Promise.all([alices.next(5), bobs.next(4)]);
      expect(referencesOf(alices)).toEqual(['PEP-1', 'PEP-3', 'PEP-4', 'PEP-5', 'PEP-6']);
      expect(referencesOf(bobs)).toEqual(['PEP-2', 'PEP-3', 'PEP-5', 'PEP-6']);
      expect([alices.failure(), bobs.failure()]).toEqual([undefined, undefined]);
      // The pushed notification is the one the list shows.
      const listed = (await page(alice)).edges.map((edge) => edge.node.id);
      expect(alices.results.map((result) => (result.data?.['notificationAdded'] as NotificationView).id)).toEqual(
        [...listed].reverse(),
      );

      alices.dispose();
      await eventually(() => watcher.watching === open + 1);
    });

    it('pushes in the language the app connected with, whatever the account says', async () => {
      const french = await api.world.newUser(Role.OPERATOR);
      const open = watcher.watching;
      const watch = watchSubscription(connect(french, 'en'), NOTIFICATION_ADDED);
      await eventually(() => watcher.watching === open + 1);
      await service.notify(acknowledged([french], 8));
      await watch.next(1);
      expect((watch.results[0]?.data?.['notificationAdded'] as NotificationView).text).toBe(
        'Your pépin PEP-8 has been acknowledged by the managers.',
      );
      watch.dispose();
    });

    it('pushes nothing for a notification whose transaction rolled back', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const open = watcher.watching;
      const watch = watchSubscription(connect(reader), NOTIFICATION_ADDED);
      await eventually(() => watcher.watching === open + 1);
      await expect(
        dataSource.transaction(async (manager) => {
          await service.notify(acknowledged([reader], 1), manager);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await service.notify(acknowledged([reader], 2));
      await watch.next(1);
      await service.notify(acknowledged([reader], 3));
      await watch.next(2);
      expect(referencesOf(watch)).toEqual(['PEP-2', 'PEP-3']);
      expect(await storedFor(reader)).toBe(2);
    });

    it('misses nothing from a transaction that began earlier but committed later', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const open = watcher.watching;
      const watch = watchSubscription(connect(reader), NOTIFICATION_ADDED);
      await eventually(() => watcher.watching === open + 1);
      const slow = dataSource.createQueryRunner();
      await slow.connect();
      try {
        await slow.startTransaction();
        await service.notify(acknowledged([reader], 1), slow.manager);
        await service.notify(acknowledged([reader], 2));
        await watch.next(1);
        await slow.commitTransaction();
        await watch.next(2);
      } finally {
        await slow.release();
      }
      await service.notify(acknowledged([reader], 3));
      await watch.next(3);
      await service.notify(acknowledged([reader], 4));
      await watch.next(4);
      expect(referencesOf(watch)).toEqual(['PEP-2', 'PEP-1', 'PEP-3', 'PEP-4']);
      // The later-committed one is older in the list: its created_at is its transaction's start.
      expect((await page(reader)).edges.map((edge) => edge.node.params['reference'])).toEqual([
        'PEP-4',
        'PEP-3',
        'PEP-2',
        'PEP-1',
      ]);
    });

    it('catches up after its LISTEN connection is cut: what was notified meanwhile still arrives, once', async () => {
      const reader = await api.world.newUser(Role.OPERATOR);
      const open = watcher.watching;
      const watch = watchSubscription(connect(reader), NOTIFICATION_ADDED);
      await eventually(() => watcher.watching === open + 1);
      const hub = api.app.get(NotificationEventHub);
      const listeners = () =>
        dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pepite-notifications-listener'`,
        ) as Promise<{ pid: number }[]>;
      const before = await listeners();
      // Both instances' listeners go; the hubs reconnect after a back-off.
      await dataSource.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        before.map((row) => row.pid),
      ]);
      await eventually(() => !hub.listening);
      await service.notify(acknowledged([reader], 1));
      await eventually(() => hub.listening);
      await watch.next(1);
      await service.notify(acknowledged([reader], 2));
      await watch.next(2);
      await service.notify(acknowledged([reader], 3));
      await watch.next(3);
      expect(referencesOf(watch)).toEqual(['PEP-1', 'PEP-2', 'PEP-3']);
      expect((await listeners()).some((row) => before.some((old) => old.pid === row.pid))).toBe(false);
    });

    it('refuses a connection without a token before any subscription (4401)', async () => {
      const client = createClient({
        url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      clients.push(client);
      const watch = watchSubscription(client, NOTIFICATION_ADDED);
      await eventually(() => watch.failure() !== undefined);
      expect(watch.failure()).toMatchObject({ code: 4401 });
      expect(watch.results).toEqual([]);
    });
  });
});

