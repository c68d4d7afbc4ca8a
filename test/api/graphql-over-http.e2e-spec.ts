import { startTestApi, type TestApi } from '@pepite/test-support';

interface ErrorBody {
  readonly data?: unknown;
  readonly errors?: readonly { message: string; extensions?: { code?: string; stacktrace?: unknown; [key: string]: unknown } }[];
}

interface RawResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: T;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const LOGIN = 'mutation { login(email: "nobody@test.pepite", password: "whatever-password") { accessToken } }';

/**
 * The GraphQL-over-HTTP contract of /graphql and the HTTP plumbing around it (unknown
 * routes, request ids), over real HTTP, as any client or proxy would see it.
 */
describe('GraphQL over HTTP and HTTP plumbing', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function send<T = ErrorBody>(path: string, init: RequestInit = {}): Promise<RawResponse<T>> {
    const response = await fetch(`${api.baseUrl}${path}`, init);
    const text = await response.text();
    let json: T;
    try {
      json = JSON.parse(text) as T;
    } catch {
      throw new Error(`expected a JSON body from ${init.method ?? 'GET'} ${path} (${response.status}), got: ${text.slice(0, 300)}`);
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  const post = <T = ErrorBody>(body: string, headers: Record<string, string> = JSON_HEADERS) =>
    send<T>('/graphql', { method: 'POST', headers, body });

  const get = <T = ErrorBody>(params: Record<string, string>, headers: Record<string, string> = {}) =>
    send<T>(`/graphql?${new URLSearchParams(params).toString()}`, { method: 'GET', headers: { accept: 'application/json', ...headers } });

  function expectNoStackTrace(body: ErrorBody, text: string): void {
    for (const error of body.errors ?? []) expect(error.extensions?.stacktrace).toBeUndefined();
    expect(text).not.toMatch(/stacktrace|\n\s+at .+\(.+:\d+:\d+\)/i);
  }

  function expectGraphqlError(response: RawResponse<ErrorBody>, status: number, code?: string): void {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.json.errors?.length).toBeGreaterThan(0);
    expect(typeof response.json.errors?.[0]?.message).toBe('string');
    if (code) expect(response.json.errors?.[0]?.extensions?.code).toBe(code);
    expectNoStackTrace(response.json, response.text);
  }

  describe('POST /graphql', () => {
    it('answers a well-formed query with 200 and data', async () => {
      const response = await post<{ data: { __typename: string } }>(JSON.stringify({ query: '{ __typename }' }));
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a body without a query with 400 and a JSON error', async () => {
      expectGraphqlError(await post(JSON.stringify({ variables: {} })), 400, 'BAD_REQUEST');
      expectGraphqlError(await post(JSON.stringify({})), 400, 'BAD_REQUEST');
    });

    it('refuses a query that is not a string with 400', async () => {
      expectGraphqlError(await post(JSON.stringify({ query: 42 })), 400, 'BAD_REQUEST');
      expectGraphqlError(await post(JSON.stringify({ query: { kind: 'Document' } })), 400, 'BAD_REQUEST');
    });

    it('refuses variables that are not an object with 400', async () => {
      expectGraphqlError(await post(JSON.stringify({ query: '{ __typename }', variables: 'nope' })), 400, 'BAD_REQUEST');
    });

    it('answers invalid JSON with 400 and a GraphQL-shaped JSON error, in French by default and in English on request', async () => {
      const fr = await post('{"query": "{ __typename }"');
      expect(fr.status).toBe(400);
      expect(fr.headers.get('content-type')).toMatch(/^application\/json/);
      expect(fr.json).toEqual({ errors: [{ message: 'Le corps de la requête n’est pas du JSON valable.', extensions: { code: 'BAD_REQUEST' } }] });
      const en = await post('not json at all', { ...JSON_HEADERS, 'accept-language': 'en' });
      expect(en.status).toBe(400);
      expect(en.json).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    });

    it('refuses a body over 256 kB with 413 PAYLOAD_TOO_LARGE, and accepts one just under', async () => {
      const padding = (size: number) => JSON.stringify({ query: `{ __typename } # ${'x'.repeat(size)}` });
      const tooLarge = await post(padding(256 * 1024 + 10));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('content-type')).toMatch(/^application\/json/);
      expect(tooLarge.json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(tooLarge.json.errors?.[0]?.message).toContain('256kb');
      const justUnder = await post<{ data: unknown }>(padding(250 * 1024));
      expect(justUnder.status).toBe(200);
      expect(justUnder.json.data).toEqual({ __typename: 'Query' });
    });

    it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
      const response = await post(JSON.stringify({ query: '{ __typename ' }));
      expectGraphqlError(response, 400, 'GRAPHQL_PARSE_FAILED');
      expect(response.json.data).toBeUndefined();
    });

    it('answers an unknown field with 400 GRAPHQL_VALIDATION_FAILED naming the field', async () => {
      const response = await post(JSON.stringify({ query: '{ noSuchField }' }));
      expectGraphqlError(response, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.json.errors?.[0]?.message).toContain('noSuchField');
      expect(response.json.data).toBeUndefined();
    });

    it('answers variables of the wrong type with 400 BAD_USER_INPUT', async () => {
      const response = await post(JSON.stringify({ query: 'query($skip: Boolean!) { __typename @skip(if: $skip) }', variables: { skip: 'nope' } }), {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      });
      expectGraphqlError(response, 400, 'BAD_USER_INPUT');
      expect(response.json.errors?.[0]?.message).toContain('$skip');
    });

    it('refuses a POST with a simple content-type (text/plain) as a potential CSRF, without running it', async () => {
      const response = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
      expectGraphqlError(response, 400, 'BAD_REQUEST');
      expect(response.json.data).toBeUndefined();
    });

    it('refuses other methods with 405 and an Allow header', async () => {
      const response = await send('/graphql', { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow') ?? '').toMatch(/\bPOST\b/);
      expectGraphqlError(response, 405);
    });

    it('refuses HTTP batching (a JSON array body)', async () => {
      const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
      expectGraphqlError(response, 400, 'BAD_REQUEST');
      expect(Array.isArray(response.json)).toBe(false);
      expect(response.text).not.toContain('"__typename":"Query"');
    });

    it('never shows a stack trace, even for errors raised in resolvers', async () => {
      const response = await post(JSON.stringify({ query: LOGIN }));
      expect(response.status).toBe(200);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expectNoStackTrace(response.json, response.text);
    });

    it('answers with application/graphql-response+json when the client asks for it, and JSON otherwise', async () => {
      const graphqlResponse = await post<{ data: unknown }>(JSON.stringify({ query: '{ __typename }' }), {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      });
      expect(graphqlResponse.status).toBe(200);
      expect(graphqlResponse.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      expect(graphqlResponse.json.data).toEqual({ __typename: 'Query' });
      const plain = await post(JSON.stringify({ query: '{ __typename }' }));
      expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('with application/graphql-response+json, a request error gets a 4xx status', async () => {
      const response = await post(JSON.stringify({ query: '{ noSuchField }' }), {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      expect(response.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('GET /graphql', () => {
    it('runs a query when the request carries a CSRF-preventing header', async () => {
      const response = await get<{ data: unknown }>({ query: '{ __typename }' }, { 'apollo-require-preflight': 'true' });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ data: { __typename: 'Query' } });
    });

    it('runs a query when the request has a non-simple content-type', async () => {
      const response = await get<{ data: unknown }>({ query: '{ __typename }' }, { 'content-type': 'application/json' });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a simple GET query without a preflight-forcing header (CSRF prevention) with 400', async () => {
      const response = await send(`/graphql?${new URLSearchParams({ query: '{ __typename }' }).toString()}`, {
        headers: { accept: 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.text).not.toContain('"__typename":"Query"');
    });

    it('refuses a mutation over GET with 405 and an Allow header naming POST', async () => {
      const response = await get({ query: LOGIN }, { 'apollo-require-preflight': 'true' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow') ?? '').toMatch(/\bPOST\b/);
      expectGraphqlError(response, 405);
    });
  });

  describe('unknown routes', () => {
    it('answers 404 with a JSON NOT_FOUND error in French by default', async () => {
      const response = await send<{ error: { code: string; message: string } }>('/nope');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.json.error).toMatchObject({ code: 'NOT_FOUND', message: 'Cette adresse n’existe pas.' });
      expect(response.text).not.toMatch(/Cannot GET|stack/i);
    });

    it('answers 404 in English when the client asks for it', async () => {
      const response = await send<{ error: { code: string; message: string } }>('/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(response.status).toBe(404);
      expect(response.json.error).toMatchObject({ code: 'NOT_FOUND', message: 'There is nothing at this address.' });
    });
  });

  describe('X-Request-Id', () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

    it('is on every response: data, GraphQL errors, broken JSON, 404 and health', async () => {
      const responses = await Promise.all([
        fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ __typename }' }) }),
        fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ nope }' }) }),
        fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: JSON_HEADERS, body: '{' }),
        fetch(`${api.baseUrl}/nope`),
        fetch(`${api.baseUrl}/health/live`),
      ]);
      const ids = responses.map((response) => response.headers.get('x-request-id'));
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(ids.length);
      await Promise.all(responses.map((response) => response.arrayBuffer()));
    });

    it('echoes a sane incoming id', async () => {
      for (const id of ['req-123', 'trace.abc:42_x', 'a'.repeat(64)]) {
        const response = await fetch(`${api.baseUrl}/nope`, { headers: { 'x-request-id': id } });
        await response.arrayBuffer();
        expect(response.headers.get('x-request-id')).toBe(id);
      }
    });

    it('replaces a malformed incoming id with its own', async () => {
      for (const id of ['a'.repeat(200), 'has spaces in it', 'semi;colon', '<script>']) {
        const response = await fetch(`${api.baseUrl}/graphql`, {
          method: 'POST',
          headers: { ...JSON_HEADERS, 'x-request-id': id },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        await response.arrayBuffer();
        expect(response.headers.get('x-request-id')).toMatch(UUID);
      }
    });
  });
});
