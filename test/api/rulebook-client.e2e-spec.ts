import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@pepite/api/identity';
import { AdvisoryService, RulebookPublisher } from '@pepite/api/rulebook';
import {
  FileStorage,
  MemoryStorage,
  RulebookClient,
  type ConnectionState,
  type RulebookClientOptions,
  type RulebookEventMap,
  type StoredRulebook,
} from '@pepite/rulebook-client/node';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

/**
 * The SDK against the real API. Where a test needs a hostile or broken network, a small
 * HTTP proxy sits between them and alters answers on the wire; the API and its database
 * stay real.
 */

interface ProxiedAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  status?: number;
}

type Rewrite = (path: string, answer: ProxiedAnswer) => ProxiedAnswer | undefined;

class FeedProxy {
  readonly seen: SeenRequest[] = [];
  /** Alters buffered (non-stream) answers; undefined leaves them as they are. */
  rewrite: Rewrite | undefined;
  /** `/events` answers this status instead of the stream (404: no SSE here; 503: down for now). */
  eventsStatus: number | undefined;
  /** Streams open but carry nothing, not even heartbeats: a half-dead connection. */
  muteStreams = false;
  /** `/events` requests get no answer at all, not even headers. */
  hangEvents = false;
  private readonly streams = new Set<ServerResponse>();
  private readonly server: Server;

  private constructor(
    private readonly upstream: URL,
    server: Server,
  ) {
    this.server = server;
  }

  static async start(upstream: string): Promise<FeedProxy> {
    const server = createServer();
    const proxy = new FeedProxy(new URL(upstream), server);
    server.on('request', (req, res) => proxy.handle(req.url ?? '/', req.headers, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/rulebook`;
  }

  requests(prefix: string): SeenRequest[] {
    return this.seen.filter((seen) => seen.path.startsWith(`/api/rulebook${prefix}`));
  }

  /** Cuts every open event stream, as a flaky network would. */
  cutStreams(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
  }

  async close(): Promise<void> {
    this.cutStreams();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(url: string, headers: IncomingHttpHeaders, res: ServerResponse): void {
    const seen: SeenRequest = { path: url, headers };
    this.seen.push(seen);
    if (url.startsWith('/api/rulebook/events') && this.eventsStatus !== undefined) {
      seen.status = this.eventsStatus;
      res.writeHead(this.eventsStatus, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: this.eventsStatus === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', message: 'proxy' } }),
      );
      return;
    }
    if (url.startsWith('/api/rulebook/events') && this.hangEvents) {
      this.streams.add(res);
      return;
    }
    // Identity encoding upstream, so a rewrite sees (and alters) the plain bytes.
    const upstream = httpRequest(new URL(url, this.upstream), {
      method: 'GET',
      headers: { ...headers, host: this.upstream.host, 'accept-encoding': 'identity' },
    });
    upstream.on('response', (answer) => {
      seen.status = answer.statusCode;
      if (String(answer.headers['content-type']).startsWith('text/event-stream')) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.flushHeaders();
        this.streams.add(res);
        res.on('close', () => {
          this.streams.delete(res);
          answer.destroy();
        });
        if (this.muteStreams) answer.resume();
        else answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const original: ProxiedAnswer = {
          status: answer.statusCode ?? 502,
          headers: answer.headers,
          body: Buffer.concat(chunks),
        };
        const sent = this.rewrite?.(url, original) ?? original;
        const { 'content-length': _length, 'transfer-encoding': _encoding, ...rest } = sent.headers;
        res.writeHead(sent.status, { ...rest, 'content-length': String(sent.body.length) });
        res.end(sent.body);
      });
    });
    upstream.on('error', () => res.destroy());
    upstream.end();
  }
}

/** Records every event of a client, and waits for the one a test expects. */
class Recorder {
  readonly releases: RulebookEventMap['release'][] = [];
  readonly advisories: RulebookEventMap['advisory'][] = [];
  readonly errors: RulebookEventMap['error'][] = [];
  readonly states: ConnectionState[] = [];
  private readonly waiters = new Set<() => boolean>();

  constructor(client: RulebookClient) {
    client.on('release', (update) => this.push(this.releases, update));
    client.on('advisory', (advisory) => this.push(this.advisories, advisory));
    client.on('error', (error) => this.push(this.errors, error));
    client.on('connection', (state) => this.push(this.states, state));
  }

  /** Resolves with the first recorded item (past or future) that matches. */
  waitFor<T>(list: readonly T[], match: (item: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = list.find(match);
        if (found === undefined) return false;
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  release(version: number): Promise<RulebookEventMap['release']> {
    return this.waitFor(this.releases, (update) => update.snapshot.version === version, `release ${version}`);
  }

  error(code: string): Promise<RulebookEventMap['error']> {
    return this.waitFor(this.errors, (error) => error.code === code, `${code} error`);
  }

  state(state: ConnectionState['state'], after = 0): Promise<ConnectionState> {
    return this.waitFor(
      this.states,
      (seen) => seen.state === state && this.states.indexOf(seen) >= after,
      `${state} connection`,
    );
  }

  private push<T>(list: T[], item: T): void {
    list.push(item);
    for (const check of [...this.waiters]) if (check()) this.waiters.delete(check);
  }
}

describe('rulebook client SDK against the real feed', () => {
  let api: TestApi;
  let publisher: RulebookPublisher;
  let advisories: AdvisoryService;
  let agent: TestUser;
  let feedUrl: string;
  let publicKeyPem: string;
  const clients: RulebookClient[] = [];
  const proxies: FeedProxy[] = [];
  let scratch: string;
  let serial = 0;

  const newClient = (options: Partial<RulebookClientOptions> = {}): { client: RulebookClient; events: Recorder } => {
    const client = new RulebookClient({
      baseUrl: feedUrl,
      publicKey: publicKeyPem,
      token: agent.token,
      reconnect: { initialDelayMs: 50, maxDelayMs: 400, failuresBeforePolling: 100, retryStreamEveryMs: 60_000 },
      ...options,
    });
    clients.push(client);
    return { client, events: new Recorder(client) };
  };
  const newProxy = async (): Promise<FeedProxy> => {
    const proxy = await FeedProxy.start(api.baseUrl);
    proxies.push(proxy);
    return proxy;
  };
  /** A new release that changes one rule's wording, so every test gets a fresh, newer version. */
  const publishAmendment = async (key = 'REFUND-001') => {
    serial += 1;
    return publisher.publish({
      changes: [
        { kind: 'AMEND', rule: sampleRule(key, { statement: `Procédure révisée n° ${serial} : vérifier puis agir.` }) },
      ],
    });
  };
  const publishAdvisory = (ruleKey: string) =>
    advisories.publishAdvisory({
      ruleKey,
      message: `Consigne provisoire ${++serial} : appliquer avec souplesse.`,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
  const latestVersion = async (): Promise<number> => {
    const response = await fetch(`${feedUrl}/releases/latest`, { headers: { authorization: `Bearer ${agent.token}` } });
    return Number(response.headers.get('x-rulebook-version'));
  };

  beforeAll(async () => {
    // A short server retry keeps reconnections quick; heartbeats every second keep streams visibly alive.
    api = await startTestApi({ RULEBOOK_SSE_RETRY_MS: '100', RULEBOOK_SSE_HEARTBEAT_SECONDS: '1' });
    publisher = api.app.get(RulebookPublisher);
    advisories = api.app.get(AdvisoryService);
    agent = await api.world.newUser(Role.OPERATOR);
    feedUrl = `${api.baseUrl}/api/rulebook`;
    // The key a desktop is shipped with: fetched here once by the "installer", then pinned.
    const key = (await (
      await fetch(`${feedUrl}/public-key`, { headers: { authorization: `Bearer ${agent.token}` } })
    ).json()) as { pem: string };
    publicKeyPem = key.pem;
    await publisher.publish({
      changes: [
        {
          kind: 'CREATE',
          rule: sampleRule('REFUND-001', { title: 'Remboursement après un retard de livraison', tags: ['argent'] }),
        },
        { kind: 'CREATE', rule: sampleRule('REFUND-002', { title: 'Renvoi d’un colis perdu' }) },
        { kind: 'CREATE', rule: sampleRule('ECHEANCE-001', { title: 'Report d’échéance', tags: ['échéancier'] }) },
      ],
      notes: 'Première version',
    });
    scratch = await mkdtemp(path.join(tmpdir(), 'rulebook-client-e2e-'));
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  });

  afterAll(async () => {
    await api.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('trusts a verified release, sends the bearer token, and checks again with the ETag (304)', async () => {
    const proxy = await newProxy();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl, live: false, pollIntervalMs: 0 });
    await client.start();
    const version = await latestVersion();
    const first = await events.release(version);
    expect(first.source).toBe('full');
    expect(client.current?.seal.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(client.rule('REFUND-002')?.title).toBe('Renvoi d’un colis perdu');
    expect(client.search('echeance').map((hit) => hit.rule.key)).toEqual(['ECHEANCE-001']);
    expect(proxy.requests('/releases/latest')[0]?.headers.authorization).toBe(`Bearer ${agent.token}`);

    const outcome = await client.sync();
    expect(outcome).toEqual({ status: 'unchanged', version });
    const second = proxy.requests('/releases/latest')[1];
    expect(second?.headers['if-none-match']).toBe(`"${client.current?.seal.sha256}"`);
    expect(second?.status).toBe(304);
    expect(events.releases).toHaveLength(1);
    expect(events.errors).toEqual([]);
  });

  it('reports a missing or refused token as an HTTP error, and asks getToken at each request', async () => {
    const { client, events } = newClient({ token: undefined, live: false, pollIntervalMs: 0 });
    const outcome = await client.sync();
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.code).toBe('HTTP');
    expect(outcome.error?.details).toMatchObject({ status: 401, serverCode: 'UNAUTHENTICATED' });
    expect(events.errors.map((error) => error.code)).toEqual(['HTTP']);

    let asked = 0;
    const withGetter = newClient({
      token: undefined,
      getToken: async () => (asked++, agent.token),
      live: false,
      pollIntervalMs: 0,
    });
    expect((await withGetter.client.sync()).status).toBe('updated');
    expect(asked).toBeGreaterThanOrEqual(2);
  });

  it('applies changes?since=N on a live release event and keeps the same bytes as the server', async () => {
    const proxy = await newProxy();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl });
    await client.start();
    const base = client.version as number;
    await events.state('open');

    const next = await publisher.publish({
      changes: [
        { kind: 'AMEND', rule: sampleRule('REFUND-002', { title: 'Renvoi immédiat d’un colis perdu' }) },
        { kind: 'CREATE', rule: sampleRule('DELIVERY-009', { title: 'Livraison en point relais' }) },
        { kind: 'RETIRE', key: 'ECHEANCE-001' },
      ],
    });
    const update = await events.release(next.version);
    expect(update.source).toBe('changes');
    expect(update.previousVersion).toBe(base);
    expect(client.current?.seal.sha256).toBe(next.sha256);
    expect(client.rule('REFUND-002')?.title).toBe('Renvoi immédiat d’un colis perdu');
    expect(client.rule('DELIVERY-009')?.title).toBe('Livraison en point relais');
    expect(client.rule('ECHEANCE-001')).toBeUndefined();
    expect(proxy.requests(`/changes?since=${base}`)).toHaveLength(1);
    // The delta was enough: no full download after the first one.
    expect(proxy.requests('/releases/latest')).toHaveLength(1);
  });

  it('falls back to the full release when the changes do not rebuild the signed bytes', async () => {
    const proxy = await newProxy();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl });
    await client.start();
    await events.state('open');
    proxy.rewrite = (url, answer) => {
      if (!url.includes('/changes')) return undefined;
      const changes = JSON.parse(answer.body.toString('utf8')) as { amended: { statement: string }[] };
      for (const rule of changes.amended) rule.statement = 'Rembourser sans rien vérifier.';
      return { ...answer, body: Buffer.from(JSON.stringify(changes)) };
    };
    const next = await publishAmendment();
    const update = await events.release(next.version);
    expect(update.source).toBe('full');
    expect(client.rule('REFUND-001')?.statement).toContain(`n° ${serial}`);
    expect(proxy.requests('/changes')).toHaveLength(1);
    expect(proxy.requests('/releases/latest')).toHaveLength(2);
  });

  it('delivers advisories live, verified, and drops one when a release amends its rule', async () => {
    const { client, events } = newClient();
    await client.start();
    await events.state('open');
    const advisory = await publishAdvisory('REFUND-002');
    const received = await events.waitFor(events.advisories, (entry) => entry.id === advisory.id, 'advisory');
    expect(received).toEqual(advisory);
    expect(client.advisories.map((entry) => entry.id)).toContain(advisory.id);

    const next = await publishAmendment('REFUND-002');
    await events.release(next.version);
    expect(client.advisories.map((entry) => entry.id)).not.toContain(advisory.id);
  });

  it('refuses a rollback to an older release and keeps the trusted copy', async () => {
    const proxy = await newProxy();
    const storage = new MemoryStorage();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl, storage, live: false, pollIntervalMs: 0 });
    await publishAmendment();
    await client.start();
    const trusted = client.current;
    const trustedVersion = trusted?.snapshot.version as number;
    // An older release, genuinely signed: what a replaying attacker or a restored server would serve.
    const older = await new Promise<ProxiedAnswer>((resolve, reject) => {
      httpRequest(
        `${api.baseUrl}/api/rulebook/releases/${trustedVersion - 1}`,
        { headers: { authorization: `Bearer ${agent.token}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      )
        .on('error', reject)
        .end();
    });
    expect(older.status).toBe(200);
    proxy.rewrite = (url) => (url.includes('/releases/latest') ? older : undefined);
    await publishAmendment();

    const outcome = await client.sync();
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.code).toBe('ROLLBACK');
    expect(outcome.error?.details).toMatchObject({ version: trustedVersion - 1, trustedVersion });
    expect((await events.error('ROLLBACK')).code).toBe('ROLLBACK');
    expect(client.current).toEqual(trusted);
    expect(JSON.parse((await storage.load())?.snapshot ?? '{}')).toMatchObject({ version: trustedVersion });
  });

  it('accepts a real rollback, which is a newer release restoring older content', async () => {
    const { client, events } = newClient({ live: false, pollIntervalMs: 0 });
    await client.start();
    const before = client.version as number;
    const restored = await publisher.rollback(before - 1, 'Retour arrière');
    expect((await client.sync()).status).toBe('updated');
    const update = await events.release(restored.version);
    expect(update.snapshot.changelog.restoredFrom).toBe(before - 1);
  });

  it.each([
    ['TAMPERED', 'one flipped byte in the body', (answer: ProxiedAnswer) => flipByte(answer)],
    ['UNSIGNED', 'the signature header stripped', (answer: ProxiedAnswer) => withoutSignature(answer)],
    ['TAMPERED', 'the body re-signed with a key that is not pinned', (answer: ProxiedAnswer) => resignedByForger(answer)],
    [
      'TAMPERED',
      'a wrong signature (64 random bytes)',
      (answer: ProxiedAnswer) => ({
        ...answer,
        headers: { ...answer.headers, 'x-rulebook-signature': randomBytes(64).toString('base64') },
      }),
    ],
    [
      'MALFORMED',
      'a body that is not JSON',
      (answer: ProxiedAnswer) => ({ ...answer, body: Buffer.from('{"format":"pepite-rulebook/1",') }),
    ],
  ])('refuses %s (%s) and keeps the last good copy', async (code, _what, tamper) => {
    const proxy = await newProxy();
    const storage = new MemoryStorage();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl, storage, live: false, pollIntervalMs: 0 });
    await client.start();
    const trusted = client.current;
    const stored = await storage.load();
    const next = await publishAmendment();

    proxy.rewrite = (url, answer) =>
      url.includes('/releases/latest') && answer.status === 200 ? tamper(answer) : undefined;
    const outcome = await client.sync();
    expect(outcome.error?.code).toBe(code);
    expect((await events.error(code)).code).toBe(code);
    expect(client.current).toEqual(trusted);
    expect(await storage.load()).toEqual(stored);
    expect(events.releases.map((update) => update.snapshot.version)).toEqual([trusted?.snapshot.version]);

    proxy.rewrite = undefined;
    expect(await client.sync()).toEqual({ status: 'updated', version: next.version });
    expect(client.current?.seal.sha256).toBe(next.sha256);
  });

  it('drops an advisory whose signature does not verify', async () => {
    const proxy = await newProxy();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl, live: false, pollIntervalMs: 0 });
    const genuine = await publishAdvisory('REFUND-001');
    const forged = await publishAdvisory('REFUND-002');
    proxy.rewrite = (url, answer) => {
      if (!url.endsWith('/advisories')) return undefined;
      const list = JSON.parse(answer.body.toString('utf8')) as { id: string; message: string }[];
      for (const entry of list) if (entry.id === forged.id) entry.message = 'Remboursez tout, sans justificatif.';
      return { ...answer, body: Buffer.from(JSON.stringify(list)) };
    };
    await client.start();
    expect((await events.error('TAMPERED')).message).toMatch(/advisor/);
    const ids = client.advisories.map((entry) => entry.id);
    expect(ids).toContain(genuine.id);
    expect(ids).not.toContain(forged.id);
  });

  it('starts offline from the copy a previous run saved in a file', async () => {
    const file = path.join(scratch, 'desk-1', 'rulebook.json');
    const online = newClient({ storage: new FileStorage(file), live: false, pollIntervalMs: 0 });
    const advisory = await publishAdvisory('REFUND-001');
    await online.client.start();
    const saved = online.client.current;
    expect(online.client.advisories.map((entry) => entry.id)).toContain(advisory.id);
    await online.client.stop();

    // A port nothing listens on: the API is unreachable.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const offline = newClient({
      baseUrl: `http://127.0.0.1:${port}/api/rulebook`,
      storage: new FileStorage(file),
      live: false,
      pollIntervalMs: 0,
    });
    await offline.client.start();
    const restored = await offline.events.release(saved?.snapshot.version as number);
    expect(restored.source).toBe('storage');
    expect(offline.client.current).toEqual(saved);
    expect((await offline.events.error('OFFLINE')).message).toMatch(/stored release/);
    expect(offline.client.advisories.map((entry) => entry.id)).toContain(advisory.id);
    expect(offline.client.search('refund-001')[0]?.rule.key).toBe('REFUND-001');
  });

  it('verifies the stored copy again at start and refuses an edited file', async () => {
    const file = path.join(scratch, 'desk-2', 'rulebook.json');
    const first = newClient({ storage: new FileStorage(file), live: false, pollIntervalMs: 0 });
    await first.client.start();
    await first.client.stop();
    const copy = JSON.parse(await readFile(file, 'utf8')) as StoredRulebook;
    // One word of one rule changed, the seal left as it was: what a local edit of the file looks like.
    const edited = copy.snapshot.replace('"statement":"', '"statement":"Ne pas ');
    expect(edited).not.toBe(copy.snapshot);
    await writeFile(file, JSON.stringify({ ...copy, snapshot: edited }));

    const { client, events } = newClient({
      baseUrl: 'http://127.0.0.1:9/api/rulebook',
      storage: new FileStorage(file),
      live: false,
      pollIntervalMs: 0,
    });
    await client.start();
    expect((await events.error('TAMPERED')).message).toMatch(/stored copy refused/);
    expect(client.current).toBeUndefined();
    expect(events.releases).toEqual([]);
  });

  it('pins the key on first use when told to, and never asks for it again', async () => {
    const file = path.join(scratch, 'desk-3', 'rulebook.json');
    const genuine = (await (
      await fetch(`${feedUrl}/public-key`, { headers: { authorization: `Bearer ${agent.token}` } })
    ).json()) as { spki: string };
    const first = await newProxy();
    const tofu = newClient({
      baseUrl: first.baseUrl,
      publicKey: undefined,
      trustOnFirstUse: true,
      storage: new FileStorage(file),
      live: false,
      pollIntervalMs: 0,
    });
    await tofu.client.start();
    expect(tofu.client.version).toBe(await latestVersion());
    expect(first.requests('/public-key')).toHaveLength(1);
    expect((await new FileStorage(file).load())?.publicKey).toBe(genuine.spki);
    await tofu.client.stop();

    // Later, someone answers /public-key with their own key: the pinned one is used, theirs is never fetched.
    const forgedKey = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'der' })
      .toString('base64');
    const hostile = await newProxy();
    hostile.rewrite = (url, answer) =>
      url.endsWith('/public-key')
        ? {
            ...answer,
            body: Buffer.from(JSON.stringify({ algorithm: 'Ed25519', keyId: 'evil', spki: forgedKey, pem: '' })),
          }
        : undefined;
    const again = newClient({
      baseUrl: hostile.baseUrl,
      publicKey: undefined,
      trustOnFirstUse: true,
      storage: new FileStorage(file),
      live: false,
      pollIntervalMs: 0,
    });
    await again.client.start();
    expect(again.events.releases.map((update) => update.source)).toEqual(['storage']);
    expect(again.events.errors).toEqual([]);
    expect(hostile.requests('/public-key')).toHaveLength(0);

    // Why it is weaker: a desktop whose first contact is the hostile answer pins the wrong key.
    const victim = newClient({
      baseUrl: hostile.baseUrl,
      publicKey: undefined,
      trustOnFirstUse: true,
      live: false,
      pollIntervalMs: 0,
    });
    await victim.client.start();
    expect((await victim.events.error('TAMPERED')).code).toBe('TAMPERED');
    expect(victim.client.current).toBeUndefined();
  });

  it('gives up on a stream that does not open or falls silent, and reconnects', async () => {
    const proxy = await newProxy();
    proxy.hangEvents = true;
    const { client, events } = newClient({
      baseUrl: proxy.baseUrl,
      pollIntervalMs: 0,
      // Server heartbeats come every second here, well inside this window once they flow.
      reconnect: {
        initialDelayMs: 50,
        maxDelayMs: 400,
        failuresBeforePolling: 100,
        retryStreamEveryMs: 60_000,
        idleTimeoutMs: 2_500,
      },
    });
    await client.start();
    expect(await events.state('closed')).toMatchObject({
      reason: expect.stringMatching(/did not open within 2500 ms/),
    });

    proxy.hangEvents = false;
    proxy.muteStreams = true;
    const opened = await events.state('open');
    const silent = await events.state('closed', events.states.indexOf(opened));
    expect(silent).toMatchObject({ reason: expect.stringMatching(/silent for 2500 ms/) });

    proxy.muteStreams = false;
    await events.state('open', events.states.indexOf(silent));
    const next = await publishAmendment();
    expect((await events.release(next.version)).source).toBe('changes');
  });

  it('reconnects after the stream is cut and resumes with Last-Event-ID', async () => {
    const proxy = await newProxy();
    const { client, events } = newClient({ baseUrl: proxy.baseUrl, pollIntervalMs: 0 });
    await client.start();
    await events.state('open');
    const before = await publishAdvisory('REFUND-001');
    await events.waitFor(events.advisories, (entry) => entry.id === before.id, 'first advisory');

    // The network drops, and stays down while an advisory is published.
    proxy.eventsStatus = 503;
    const cutAt = events.states.length;
    proxy.cutStreams();
    await events.state('closed', cutAt);
    const missed = await publishAdvisory('REFUND-002');
    await events.waitFor(
      proxy.seen,
      (seen) => seen.path.endsWith('/events') && seen.status === 503,
      'refused reconnection',
    );
    proxy.eventsStatus = undefined;

    const replayed = await events.waitFor(events.advisories, (entry) => entry.id === missed.id, 'replayed advisory');
    expect(replayed).toEqual(missed);
    const resumed = proxy.requests('/events').filter((seen) => seen.status === 200);
    expect(resumed.length).toBeGreaterThanOrEqual(2);
    expect(resumed.at(-1)?.headers['last-event-id']).toBe(`${before.releaseVersion}.${before.seq}`);
    // Polling is off in this test: only the stream could have brought the missed advisory.
    expect(proxy.requests('/advisories')).toHaveLength(1);
  });

  it('switches to polling when the server has no event stream, and back when it has', async () => {
    const proxy = await newProxy();
    proxy.eventsStatus = 404;
    const { client, events } = newClient({
      baseUrl: proxy.baseUrl,
      pollIntervalMs: 200,
      reconnect: { initialDelayMs: 50, maxDelayMs: 400, failuresBeforePolling: 100, retryStreamEveryMs: 1_000 },
    });
    await client.start();
    expect(await events.state('polling')).toMatchObject({ reason: expect.stringMatching(/404/) });
    const next = await publishAmendment();
    expect((await events.release(next.version)).source).toBe('full');
    expect(proxy.requests('/events').every((seen) => seen.status === 404)).toBe(true);

    proxy.eventsStatus = undefined;
    await events.state('open');
    const polls = proxy.requests('/releases/latest').length;
    const live = await publisher.publish({ changes: [{ kind: 'CREATE', rule: sampleRule(`LIVE-${++serial}`) }] });
    expect((await events.release(live.version)).source).toBe('changes');
    // Back on the stream, polling stopped: at most one poll was already in flight.
    expect(proxy.requests('/releases/latest').length).toBeLessThanOrEqual(polls + 1);
  });

  it('switches to polling after repeated stream failures in a row', async () => {
    const proxy = await newProxy();
    proxy.eventsStatus = 503;
    const { client, events } = newClient({
      baseUrl: proxy.baseUrl,
      pollIntervalMs: 200,
      reconnect: { initialDelayMs: 50, maxDelayMs: 100, failuresBeforePolling: 3, retryStreamEveryMs: 60_000 },
    });
    await client.start();
    await events.state('polling');
    const closed = events.states.filter((state) => state.state === 'closed');
    expect(closed.map((state) => (state.state === 'closed' ? state.failures : 0))).toEqual([1, 2]);
    expect(proxy.requests('/events')).toHaveLength(3);
    const next = await publishAmendment();
    expect((await events.release(next.version)).source).toBe('full');
  });
});

function flipByte(answer: ProxiedAnswer): ProxiedAnswer {
  const body = Buffer.from(answer.body);
  // A letter inside a rule's wording: still valid JSON, only the signature can tell.
  const at = body.indexOf('Procédure révisée');
  body[at] = 'p'.charCodeAt(0);
  return { ...answer, body };
}

function withoutSignature(answer: ProxiedAnswer): ProxiedAnswer {
  const { 'x-rulebook-signature': _signature, ...headers } = answer.headers;
  return { ...answer, headers };
}

const forger = generateKeyPairSync('ed25519');

/** A body and a signature that agree, under the attacker's own key and a key id copied from the real one. */
function resignedByForger(answer: ProxiedAnswer): ProxiedAnswer {
  const body = Buffer.from(answer.body);
  const at = body.indexOf('Procédure révisée');
  body[at] = 'p'.charCodeAt(0);
  const { etag: _etag, ...headers } = answer.headers;
  return { ...answer, body, headers: { ...headers, 'x-rulebook-signature': sign(null, body, forger.privateKey).toString('base64') } };
}
