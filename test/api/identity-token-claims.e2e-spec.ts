import { JwtService } from '@nestjs/jwt';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { eventually, startTestApi, watchSubscription, type TestApi, type TestUser } from '@pepite/test-support';

/*
 * Correctly signed tokens whose times make them unusable: without `exp` (it would never
 * expire), issued more than a minute in the future, or expired. Each is refused on every path
 * that reads a token: GraphQL over HTTP, graphql-ws connections and the rulebook feed routes.
 */

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const signer = new JwtService({ secret: SECRET });
const seconds = (offset: number) => Math.floor(Date.now() / 1000) + offset;

let api: TestApi;
let operator: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ JWT_SECRET: SECRET, RULEBOOK_FEED_PUBLIC: 'false' });
  operator = await api.world.newUser(Role.OPERATOR);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api.close();
});

function tokens(): Record<string, string> {
  const base = { algorithm: 'HS256' as const, audience: 'pepite-api', subject: operator.id };
  return {
    'without exp': signer.sign({}, base),
    'without iat': signer.sign({}, { ...base, noTimestamp: true, expiresIn: 3600 }),
    'issued 5 minutes in the future': signer.sign({ iat: seconds(300) }, { ...base, expiresIn: 3600 }),
    expired: signer.sign({ iat: seconds(-7200), exp: seconds(-3600) }, base),
  };
}
const wellFormed = () =>
  signer.sign(
    { iat: seconds(30) },
    { algorithm: 'HS256', audience: 'pepite-api', subject: operator.id, expiresIn: 3600 },
  );

describe('tokens refused for their times', () => {
  it('GraphQL over HTTP: UNAUTHENTICATED, in French and English', async () => {
    expect((await api.graphql.request('{ me { id } }', {}, { token: wellFormed() })).data).toEqual({
      me: { id: operator.id },
    });
    for (const [name, token] of Object.entries(tokens())) {
      const fr = await api.graphql.request('{ me { id } }', {}, { token });
      const en = await api.graphql.request('{ me { id } }', {}, { token, language: 'en' });
      expect({
        name,
        code: fr.errors?.[0]?.extensions?.['code'],
        fr: fr.errors?.[0]?.message,
        en: en.errors?.[0]?.message,
      }).toEqual({
        name,
        code: 'UNAUTHENTICATED',
        fr: 'Votre session a expiré ou n’est plus valable ; reconnectez-vous.',
        en: 'Your session has expired or is no longer valid; please sign in again.',
      });
    }
  });

  it('rulebook feed routes: 401 UNAUTHENTICATED', async () => {
    const get = (token: string) =>
      fetch(`${api.baseUrl}/api/rulebook/advisories`, {
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      });
    expect((await get(wellFormed())).status).toBe(200);
    for (const [name, token] of Object.entries(tokens())) {
      const response = await get(token);
      const body = (await response.json()) as { error?: { code?: string } };
      expect({ name, status: response.status, code: body.error?.code }).toEqual({
        name,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('graphql-ws connections: closed with 4401', async () => {
    const connect = (token: string, lazy = true) => {
      const client = createClient({
        url: `${api.baseUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy,
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      return client;
    };
    const accepted = connect(wellFormed(), false);
    await new Promise<void>((resolve, reject) => {
      accepted.on('connected', () => resolve());
      accepted.on('closed', (event) => reject(new Error(`closed: ${(event as { code?: number }).code}`)));
    });
    for (const [name, token] of Object.entries(tokens())) {
      const watch = watchSubscription(connect(token), 'subscription { notificationAdded { id } }');
      await eventually(() => watch.failure() !== undefined);
      expect({ name, failure: watch.failure() }).toMatchObject({ name, failure: { code: 4401 } });
    }
  });
});
