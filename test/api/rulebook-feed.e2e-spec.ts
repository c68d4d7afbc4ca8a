import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { createPublicKey, verify } from 'node:crypto';
import { Role } from '@pepite/api/identity';
import { ReleaseBrotli, RulebookPublisher, verifyReleaseSeal } from '@pepite/api/rulebook';
import { canonicalJson, type RulebookChanges, type RulebookSnapshot } from '@pepite/rulebook-format';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

describe('rulebook feed over HTTP', () => {
  let api: TestApi;
  let publisher: RulebookPublisher;
  let agent: TestUser;
  const feed = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const token = init.token === undefined ? agent.token : init.token;
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(`${api.baseUrl}/api/rulebook${path}`, { ...init, headers });
  };

  beforeAll(async () => {
    api = await startTestApi();
    publisher = api.app.get(RulebookPublisher);
    agent = await api.world.newUser(Role.OPERATOR);
  });
  afterAll(() => api.close());

  it('says clearly that nothing is published yet', async () => {
    const response = await feed('/releases/latest');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toMatch(/Aucun règlement/);
  });

  it('serves the latest release as signed canonical bytes with a strong ETag, and 304 with no body', async () => {
    const release = await publisher.publish({
      changes: ['REFUND-001', 'REFUND-002', 'DELIVERY-001'].map((key) => ({
        kind: 'CREATE' as const,
        rule: sampleRule(key),
      })),
      notes: 'Première version',
    });
    const response = await feed('/releases/latest', { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const etag = response.headers.get('etag');
    expect(etag).toBe(`"${release.sha256}"`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-rulebook-version')).toBe(String(release.version));
    const snapshot = JSON.parse(bytes.toString('utf8')) as RulebookSnapshot;
    expect(canonicalJson(snapshot)).toBe(bytes.toString('utf8'));
    expect(snapshot.rules.map((rule) => rule.key)).toEqual(['DELIVERY-001', 'REFUND-001', 'REFUND-002']);
    expect(snapshot.changelog.added).toEqual(['DELIVERY-001', 'REFUND-001', 'REFUND-002']);

    const key = (await (await feed('/public-key')).json()) as { spki: string; keyId: string };
    const publicKey = createPublicKey({ key: Buffer.from(key.spki, 'base64'), format: 'der', type: 'spki' });
    const signature = response.headers.get('x-rulebook-signature') ?? '';
    expect(verifyReleaseSeal(bytes, { sha256: release.sha256, signature }, publicKey)).toBe(true);
    expect(response.headers.get('x-rulebook-key-id')).toBe(key.keyId);

    const again = await feed('/releases/latest', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('sends the same bytes compressed with brotli or gzip when asked', async () => {
    const plain = Buffer.from(
      await (await feed('/releases/1', { headers: { 'accept-encoding': 'identity' } })).arrayBuffer(),
    );
    const { request } = await import('node:http');
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = request(`${api.baseUrl}/api/rulebook/releases/1`, {
          headers: { authorization: `Bearer ${agent.token}`, 'accept-encoding': encoding },
        });
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject).end();
      });
    // The brotli body comes from a job after the publication: its step, run now rather than
    // waiting for the worker (test/api/rulebook-release-encodings.e2e-spec.ts waits for the job).
    await api.app.get(ReleaseBrotli).compress(1);
    const br = await raw('gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.length);
    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    // Signed-in feed: no shared cache may give these bytes to someone without a token.
    expect(gz.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
  });

  it('answers changes?since=N with only what changed, a small fraction of the snapshot', async () => {
    const before = (
      await publisher.publish({
        changes: Array.from({ length: 40 }, (_, i) => ({
          kind: 'CREATE' as const,
          rule: sampleRule(`BULK-${String(i + 1).padStart(3, '0')}`),
        })),
      })
    ).version;
    const after = await publisher.publish({
      changes: [{ kind: 'AMEND', rule: sampleRule('REFUND-001', { title: 'Remboursement revu après un pépin' }) }],
      answers: ['PEP-000001'],
    });
    const full = Buffer.from(
      await (await feed('/releases/latest', { headers: { 'accept-encoding': 'identity' } })).arrayBuffer(),
    );
    const response = await feed(`/changes?since=${before}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const changes = JSON.parse(text) as RulebookChanges;
    expect(changes.since).toBe(before);
    expect(changes.release.version).toBe(after.version);
    expect(changes.release.sha256).toBe(after.sha256);
    expect(changes.added).toEqual([]);
    expect(changes.retired).toEqual([]);
    expect(changes.amended.map((rule) => [rule.key, rule.revision, rule.title])).toEqual([
      ['REFUND-001', 2, 'Remboursement revu après un pépin'],
    ]);
    expect(changes.release.changelog.answers).toEqual(['PEP-000001']);
    expect(Buffer.byteLength(text)).toBeLessThan(full.length / 5);
  });

  it('compresses a large changes answer when asked, with the same content', async () => {
    const plain = await feed('/changes?since=0', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const compressed = await feed('/changes?since=0', { headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    // fetch decodes brotli itself: the content must be identical.
    expect(await compressed.json()).toEqual(await plain.json());
  });

  it('refuses a since in the future or malformed with a clear error', async () => {
    const future = await feed('/changes?since=999');
    expect(future.status).toBe(404);
    const body = (await future.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/n’existe pas encore/);
    const malformed = await feed('/changes?since=abc');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
    const missing = await feed('/releases/77');
    expect(missing.status).toBe(404);
  });

  it('needs a signed-in user for every route; any role will do', async () => {
    for (const path of [
      '/releases/latest',
      '/releases/1',
      '/changes?since=1',
      '/advisories',
      '/public-key',
      '/events',
    ]) {
      const anonymous = await feed(path, { token: null });
      expect([path, anonymous.status]).toEqual([path, 401]);
    }
    for (const role of [Role.OPERATOR, Role.MANAGER, Role.ADMIN]) {
      const user = await api.world.newUser(role);
      expect((await feed('/releases/latest', { token: user.token })).status).toBe(200);
    }
  });

  it('signs advisories and lists the active ones', async () => {
    const { AdvisoryService } = await import('@pepite/api/rulebook');
    const advisory = await api.app.get(AdvisoryService).publishAdvisory({
      ruleKey: 'REFUND-002',
      message: 'Panne du transporteur : accordez le renvoi sans enquête jusqu’à vendredi.',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const listed = (await (await feed('/advisories')).json()) as (typeof advisory)[];
    expect(listed).toEqual([advisory]);
    const key = (await (await feed('/public-key')).json()) as { pem: string };
    const { signature, ...signed } = advisory;
    expect(verify(null, Buffer.from(canonicalJson(signed)), key.pem, Buffer.from(signature, 'base64'))).toBe(true);
  });
});

describe('rulebook feed in public mode', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RULEBOOK_FEED_PUBLIC: 'true' });
    await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('KIOSK-001') }] });
  });
  afterAll(() => api.close());

  it('serves every read without a token', async () => {
    for (const path of ['/releases/latest', '/releases/1', '/changes?since=0', '/advisories', '/public-key']) {
      const response = await fetch(`${api.baseUrl}/api/rulebook${path}`);
      expect([path, response.status]).toEqual([path, 200]);
    }
    const changes = (await (await fetch(`${api.baseUrl}/api/rulebook/changes?since=0`)).json()) as RulebookChanges;
    expect(changes.added.map((rule) => rule.key)).toEqual(['KIOSK-001']);
  });

  it('lets any cache keep a release for a year, since anyone may read it', async () => {
    const response = await fetch(`${api.baseUrl}/api/rulebook/releases/1`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('still refuses the GraphQL API without a token', async () => {
    expect(await api.graphql.errorCode('{ me { id } }')).toBe('UNAUTHENTICATED');
  });
});
