import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { PepinConversation, PepinTriage } from '@pepite/api/pepins';
import { PepinChangeHub } from '../../libs/api/pepins/src/application/pepin-change-hub';
import {
  authenticated,
  eventually,
  startTestApi,
  watchSubscription,
  type SubscriptionWatch,
  type TestApi,
  type TestUser,
} from '@pepite/test-support';

/**
 * `pepinChanged`: the manager's pépin page is told, live, that the pépin it shows changed, so
 * that every manager viewing it (not only the one who asked the reporter) sees the answer.
 * Two API instances on one database: the change is written through one, watched on the other.
 */
describe('pepinChanged over graphql-ws', () => {
  let api: TestApi;
  let second: TestApi;
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    second = await startTestApi({}, { database: api.database });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await second.close();
    await api.close();
  });

  const connect = (user: TestUser): Client => {
    const client = createClient({
      url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };
  // The id is checked as an `ID` argument; inlined because the watch helper sends no variables.
  const watch = (user: TestUser, pepinId: string): SubscriptionWatch =>
    watchSubscription(connect(user), `subscription { pepinChanged(id: "${pepinId}") { id } }`);
  const idsOf = (watched: SubscriptionWatch) =>
    watched.results.map((result) => (result.data?.['pepinChanged'] as { id: string } | undefined)?.id);
  it('tells every manager of the site, on another instance, when the reporter answers, with the pépin id and nothing else', async () => {
    const site = await api.world.newSite();
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const asker = await api.world.newUser(Role.MANAGER, { site });
    const colleague = await api.world.newUser(Role.MANAGER, { site });
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true, signed: false });
    const other = await api.world.newPepin(reporter, { noRuleApplies: true, signed: false });
    const conversation = second.app.get(PepinConversation);
    const triage = second.app.get(PepinTriage);

    const hub = api.app.get(PepinChangeHub);
    const open = hub.watching;
    const colleagues = watch(colleague, pepin.id);
    const askers = watch(asker, pepin.id);
    // Both listen once their access check has passed.
    await eventually(() => hub.watching === open + 2);

    // A change of another pépin says nothing to the watchers of this one.
    await conversation.askReporter(authenticated(asker), other.id, 'Quel client ?');
    // Through the other API instance: the manager asks, the (unsigned) reporter answers, a manager acknowledges.
    await conversation.askReporter(authenticated(asker), pepin.id, 'Quel produit ?');
    await colleagues.next(1);
    await conversation.replyToManagers(authenticated(reporter), pepin.id, 'La box fibre.');
    await colleagues.next(2);
    await triage.acknowledgePepin(authenticated(asker), pepin.id);
    await colleagues.next(3);
    await askers.next(3);

    expect(new Set(idsOf(colleagues))).toEqual(new Set([pepin.id]));
    expect(new Set(idsOf(askers))).toEqual(new Set([pepin.id]));
    // The whole event: the id alone, no actor, no kind, no time.
    expect(colleagues.results.at(-1)).toEqual({ data: { pepinChanged: { id: pepin.id } } });
    expect([colleagues.failure(), askers.failure()]).toEqual([undefined, undefined]);
    colleagues.dispose();
    askers.dispose();
    await eventually(() => hub.watching === open);
  });

  it('lets only those who may read the pépin watch it, refusing the others as the pepin query does', async () => {
    const site = await api.world.newSite();
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    const outsiders = [
      await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() }),
      await api.world.newUser(Role.OPERATOR, { site }),
    ];
    for (const outsider of outsiders) {
      const refused = watch(outsider, pepin.id);
      // graphql-ws delivers a resolver's refusal as a result with errors, then completes.
      const [result] = await refused.next(1);
      expect(result?.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
      expect(result?.data ?? null).toBeNull();
    }
    const unknown = watch(outsiders[0] as TestUser, 'not-an-id');
    const [answer] = await unknown.next(1);
    expect(answer?.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('carries nothing but the id (anonymity: no actor, no kind, no time)', () => {
    const type = api.app.get(GraphQLSchemaHost).schema.getType('PepinChange');
    expect(isObjectType(type) ? Object.keys(type.getFields()) : []).toEqual(['id']);
  });
});
