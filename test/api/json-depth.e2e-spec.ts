import WebSocket from 'ws';
import { Role } from '@pepite/api/identity';
import { eventually, startTestApi, type TestApi } from '@pepite/test-support';

/**
 * JSON nested deeper than 64 levels, anywhere a client sends JSON, is a 400 BAD_REQUEST with a
 * bilingual message: never a 500 "Maximum call stack size exceeded".
 */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
/** Arrays nest in 2 bytes a level: 50,000 levels fit well within the 256 kB body limit. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const TOO_DEEP_FR = /^Le JSON envoyé imbrique plus de 64 niveaux/;
const TOO_DEEP_EN = /^The JSON sent nests more than 64 levels/;

describe('JSON nested too deep', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function post(body: string, language = 'fr') {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': language },
      body,
    });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
  }

  it('refuses POST variables nested 50,000 levels (and 65) with 400 BAD_REQUEST, in French and English', async () => {
    for (const v of [nestedArrays(50_000), nested(65)]) {
      const fr = await post(`{"query":"{ __typename }","variables":{"v":${v}}}`);
      expect(fr.status).toBe(400);
      expect(fr.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(fr.body.errors?.[0]?.message).toMatch(TOO_DEEP_FR);
    }
    const en = await post(`{"query":"{ __typename }","extensions":{"e":${nestedArrays(50_000)}}}`, 'en');
    expect(en.status).toBe(400);
    expect(en.body.errors?.[0]?.message).toMatch(TOO_DEEP_EN);
  });

  it('accepts JSON nested within the limit', async () => {
    const ok = await post(`{"query":"{ __typename }","variables":{"v":${nested(60)}}}`);
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses GET `variables` and `extensions` nested too deep', async () => {
    for (const param of ['variables', 'extensions']) {
      const url = `${api.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}&${param}=${encodeURIComponent(nestedArrays(1_000))}`;
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', 'accept-language': 'en' } });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0]?.message).toMatch(TOO_DEEP_EN);
    }
  });

  it('answers a graphql-ws subscribe with deep variables with BAD_REQUEST, and the connection goes on', async () => {
    const user = await api.world.newUser(Role.OPERATOR);
    // A raw socket: the message is written as text, as a hostile client would (no client library re-encoding it).
    const socket = new WebSocket(`${api.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: { type: string; id?: string; payload?: unknown }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as { type: string }));
    let closed = false;
    socket.on('close', () => void (closed = true));
    try {
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.token}` } }));
      await eventually(() => messages.some((m) => m.type === 'connection_ack'));
      const query = JSON.stringify('subscription { notificationAdded { id } }');
      socket.send(`{"type":"subscribe","id":"deep","payload":{"query":${query},"variables":{"v":${nestedArrays(50_000)}}}}`);
      await eventually(() => closed || messages.some((m) => m.id === 'deep'));
      const answer = messages.find((m) => m.id === 'deep') as { type: string; payload: { extensions?: { code?: string } }[] } | undefined;
      expect(answer?.type).toBe('error');
      expect(answer?.payload[0]?.extensions?.code).toBe('BAD_REQUEST');
      // The connection is not closed for it: it still answers a ping.
      socket.send(JSON.stringify({ type: 'ping' }));
      await eventually(() => closed || messages.some((m) => m.type === 'pong'));
      expect(closed).toBe(false);
    } finally {
      socket.close();
    }
  });
});
