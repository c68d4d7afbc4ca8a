import {
  parseEventId,
  type AdvisoryEntry,
  type ReleaseSealInfo,
  type RuleEntry,
  type RulebookSnapshot,
} from '@pepite/rulebook-format';
import { AdvisorySet } from './advisory-set';
import { applyChanges } from './changes';
import { decodeUtf8, encodeUtf8 } from './encoding';
import { RulebookError, toRulebookError } from './errors';
import { TypedEmitter, type ConnectionState, type ReleaseSource, type RulebookEventMap } from './events';
import { FeedHttp, expectOk, type FetchLike, type TokenSource } from './http';
import { DEFAULT_RECONNECT, LiveChannel, Poller, type ReconnectOptions } from './live';
import { RuleIndex, type SearchHit, type SearchOptions } from './search';
import type { SseEvent } from './sse-parser';
import { MemoryStorage, STORED_RULEBOOK_FORMAT, type RulebookStorage } from './storage';
import { parseAdvisories, parseAdvisory, parseChanges, parseJson, parseReleaseEvent } from './validate';
import {
  importKeyring,
  importPublicKey,
  openRelease,
  sha256Hex,
  verifyAdvisory,
  verifySignature,
  type TrustedKeys,
  type VerifiedRelease,
} from './verify';

export interface RulebookClientOptions {
  /** The feed's base URL, e.g. `https://pepite.example/api/rulebook`. */
  readonly baseUrl: string;
  /** The pinned Ed25519 key: PEM or base64 DER SPKI. Required unless `publicKeys` or `trustOnFirstUse`. */
  readonly publicKey?: string;
  /**
   * More pinned keys, trusted as much as `publicKey`: during a key rotation, the new key and
   * the previous one(s), so releases signed before and after the rotation both verify.
   */
  readonly publicKeys?: readonly string[];
  /**
   * Without `publicKey`: fetch `/public-key` once, pin it in storage, trust only it afterwards.
   * Weaker: whoever answers that first request chooses the key.
   */
  readonly trustOnFirstUse?: boolean;
  /** A fixed bearer token. */
  readonly token?: string;
  /** Asked before every request, so a refreshed token is used; wins over `token`. */
  readonly getToken?: TokenSource;
  /** Where the last good copy lives between runs. Default: memory only. */
  readonly storage?: RulebookStorage;
  /** Default: the global fetch. */
  readonly fetch?: FetchLike;
  /** Open the SSE stream after start (default true); false polls only. */
  readonly live?: boolean;
  /** Polling period when the stream is unavailable or `live` is false; 0 disables polling. Default 60 s. */
  readonly pollIntervalMs?: number;
  /** Per-request timeout (not the stream). Default 30 s. */
  readonly requestTimeoutMs?: number;
  readonly reconnect?: Partial<ReconnectOptions>;
  /** Clock for advisory expiry (ms since epoch). */
  readonly now?: () => number;
  /** Random source for backoff jitter. */
  readonly random?: () => number;
}

/** The trusted release: its parsed snapshot and the seal it was verified against. */
export interface CurrentRelease {
  readonly snapshot: RulebookSnapshot;
  readonly seal: ReleaseSealInfo;
}

export interface SyncOutcome {
  /** `empty`: the server has published nothing yet. */
  readonly status: 'updated' | 'unchanged' | 'empty' | 'failed';
  /** The version trusted after the sync. */
  readonly version: number | undefined;
  /** Also emitted as an `error` event. */
  readonly error?: RulebookError;
}

type Refresh = 'check' | 'changes';

const stripEtag = (etag: string | null): string | null => etag?.replace(/^W\//, '').replace(/"/g, '').trim() ?? null;

/**
 * Reads Pépite's signed rulebook feed and keeps the last good copy. Nothing is trusted
 * until its SHA-256 and Ed25519 signature match the pinned key; a release older than the
 * trusted one is refused; a refused answer never replaces the copy in hand.
 */
export class RulebookClient extends TypedEmitter<RulebookEventMap> {
  private readonly http: FeedHttp;
  private readonly storage: RulebookStorage;
  private readonly reconnect: ReconnectOptions;
  private readonly advisorySet: AdvisorySet;
  private readonly pollIntervalMs: number;
  /** The keys given at construction (`publicKey`, then `publicKeys`). */
  private readonly configuredKeys: readonly string[];
  /** The key pinned on first use, when no key was given. */
  private pinnedKey: string | undefined;
  private pinnedOnFirstUse = false;
  private key: Promise<TrustedKeys> | undefined;
  private trusted: VerifiedRelease | undefined;
  private index: RuleIndex | undefined;
  private rulesByKey: Map<string, RuleEntry> | undefined;
  private lastProcessedEventId: string | undefined;
  /** One refresh at a time: sync, stream events and polling never interleave their writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private lifetime: AbortController | undefined;
  private live: LiveChannel | undefined;
  private poller: Poller | undefined;
  private lastConnection: ConnectionState = { state: 'stopped' };
  private latestError: RulebookError | undefined;

  constructor(private readonly options: RulebookClientOptions) {
    super();
    this.configuredKeys = [options.publicKey, ...(options.publicKeys ?? [])].filter(
      (key): key is string => typeof key === 'string' && key.trim() !== '',
    );
    if (this.configuredKeys.length === 0 && !options.trustOnFirstUse) {
      throw new TypeError('RulebookClient needs a pinned publicKey (or trustOnFirstUse: true, which is weaker)');
    }
    const fetchImpl = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    const token = options.token;
    this.http = new FeedHttp({
      baseUrl: options.baseUrl,
      fetch: fetchImpl,
      getToken: options.getToken ?? (token ? () => token : undefined),
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    });
    this.storage = options.storage ?? new MemoryStorage();
    this.reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
    this.pollIntervalMs = options.pollIntervalMs ?? 60_000;
    this.advisorySet = new AdvisorySet(options.now ?? Date.now);
  }

  /** The trusted release, or undefined before the first one. */
  get current(): CurrentRelease | undefined {
    return this.trusted && { snapshot: this.trusted.snapshot, seal: this.trusted.seal };
  }

  get version(): number | undefined {
    return this.trusted?.snapshot.version;
  }

  /** Active advisories: verified, not expired, not superseded by a later release of their rule. */
  get advisories(): AdvisoryEntry[] {
    return this.advisorySet.active(this.trusted?.snapshot);
  }

  get connection(): ConnectionState {
    return this.lastConnection;
  }

  get lastError(): RulebookError | undefined {
    return this.latestError;
  }

  rule(key: string): RuleEntry | undefined {
    if (!this.trusted) return undefined;
    this.rulesByKey ??= new Map(this.trusted.snapshot.rules.map((rule) => [rule.key, rule]));
    return this.rulesByKey.get(key);
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    if (!this.trusted) return [];
    this.index ??= new RuleIndex(this.trusted.snapshot.rules);
    return this.index.search(query, options);
  }

  /**
   * Loads and re-verifies the stored copy (emitting `release` for it), syncs, then opens the
   * live stream. Resolves even when the server is unreachable: the error is emitted as OFFLINE
   * and the client keeps trying in the background.
   */
  async start(): Promise<void> {
    if (this.lifetime) return;
    const lifetime = new AbortController();
    this.lifetime = lifetime;
    await this.serial(() => this.restore());
    const outcome = await this.serial(() => this.refresh('check'));
    if (outcome.error) {
      const error = outcome.error;
      if (error.code === 'NETWORK') {
        const from = this.trusted
          ? `running from the stored release ${this.trusted.snapshot.version}`
          : 'no stored copy yet';
        this.report(
          new RulebookError(
            'OFFLINE',
            `rulebook server unreachable, ${from}`,
            { url: error.details.url },
            { cause: error },
          ),
        );
      } else {
        this.report(error);
      }
    }
    if (lifetime.signal.aborted) return;
    this.poller = new Poller(this.pollIntervalMs, () => this.sync());
    if (this.options.live === false) {
      this.setConnection({ state: 'polling', reason: 'live updates are off', retryStreamInMs: 0 });
      this.poller.start();
      return;
    }
    this.live = new LiveChannel({
      http: this.http,
      reconnect: this.reconnect,
      random: this.options.random,
      lastEventId: () => this.resumeId(),
      onEvent: (event) => this.handleEvent(event),
      onState: (state) => this.setConnection(state),
      onError: (error) => this.report(error),
      poller: this.poller,
    });
    this.live.start();
  }

  /** Closes the stream, stops polling and cancels requests in flight. `start()` may be called again. */
  async stop(): Promise<void> {
    const lifetime = this.lifetime;
    if (!lifetime) return;
    lifetime.abort();
    this.poller?.stop();
    await this.live?.stop();
    this.live = undefined;
    this.poller = undefined;
    await this.queue;
    this.lifetime = undefined;
    this.setConnection({ state: 'stopped' });
  }

  /**
   * Checks for a newer release with a conditional GET (ETag, 304 when unchanged) and refreshes
   * the advisories. Never rejects: failures come back in the outcome and as `error` events.
   */
  async sync(): Promise<SyncOutcome> {
    const outcome = await this.serial(() => this.refresh('check'));
    if (outcome.error) this.report(outcome.error);
    return outcome;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private report(error: RulebookError): void {
    // Requests cut by stop() are not failures worth showing.
    if (this.lifetime?.signal.aborted) return;
    this.latestError = error;
    this.emit('error', error);
  }

  private setConnection(state: ConnectionState): void {
    this.lastConnection = state;
    this.emit('connection', state);
  }

  private signal(): AbortSignal | undefined {
    return this.lifetime?.signal;
  }

  private publicKey(): Promise<TrustedKeys> {
    if (!this.key) {
      const pending = this.loadKey();
      this.key = pending;
      // A failed first-use fetch is retried at the next refresh.
      pending.catch(() => {
        if (this.key === pending) this.key = undefined;
      });
    }
    return this.key;
  }

  private async loadKey(): Promise<TrustedKeys> {
    if (this.configuredKeys.length > 0) return importKeyring(this.configuredKeys);
    if (this.pinnedKey) return importPublicKey(this.pinnedKey);
    const value = await this.http.getJson('/public-key', { signal: this.signal() });
    const spki = typeof value === 'object' && value !== null ? (value as { spki?: unknown; algorithm?: unknown }) : {};
    if (spki.algorithm !== 'Ed25519' || typeof spki.spki !== 'string') {
      throw new RulebookError('MALFORMED', 'malformed answer from /public-key');
    }
    const key = await importPublicKey(spki.spki);
    this.pinnedKey = spki.spki;
    this.pinnedOnFirstUse = true;
    return key;
  }

  /** The stored copy is verified exactly like a download: storage can be edited too. */
  private async restore(): Promise<void> {
    let stored;
    try {
      stored = await this.storage.load();
    } catch (error) {
      this.report(toRulebookError(error, 'STORAGE', 'cannot load the stored rulebook'));
      return;
    }
    if (!stored) return;
    if (this.configuredKeys.length === 0 && stored.publicKey) {
      this.pinnedKey = stored.publicKey;
      this.pinnedOnFirstUse = true;
    }
    if (this.configuredKeys.length === 0 && !this.pinnedKey) return;
    try {
      const key = await this.publicKey();
      const verified = await openRelease(key, encodeUtf8(stored.snapshot), {
        signature: stored.signature,
        sha256: stored.sha256,
        keyId: stored.keyId,
      });
      this.lastProcessedEventId = stored.lastEventId;
      await this.trust(verified, 'storage', false);
      await this.takeAdvisories(key, stored.advisories, 'add');
    } catch (error) {
      const refused = toRulebookError(error, 'MALFORMED', 'stored copy refused');
      this.report(
        new RulebookError(refused.code, `stored copy refused: ${refused.message}`, refused.details, { cause: refused }),
      );
    }
  }

  private async refresh(mode: Refresh): Promise<SyncOutcome> {
    const previous = this.version;
    let status: SyncOutcome['status'];
    try {
      const key = await this.publicKey();
      let viaChanges = false;
      if (mode === 'changes' && this.trusted) {
        // A failed delta of any kind is not fatal: the full release settles it.
        viaChanges = await this.applyDelta(key, this.trusted).then(
          () => true,
          () => false,
        );
      }
      if (viaChanges) {
        status = this.version !== previous ? 'updated' : 'unchanged';
      } else {
        const full = await this.fetchLatest(key);
        status = full === 'empty' ? 'empty' : full === 'updated' ? 'updated' : 'unchanged';
        if (full !== 'empty') await this.refreshAdvisories(key);
      }
    } catch (error) {
      return { status: 'failed', version: this.version, error: toRulebookError(error, 'NETWORK', 'sync failed') };
    }
    return { status, version: this.version };
  }

  private async fetchLatest(key: TrustedKeys): Promise<'updated' | 'unchanged' | 'empty'> {
    const trusted = this.trusted;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (trusted) headers['if-none-match'] = `"${trusted.seal.sha256}"`;
    const url = this.http.url('/releases/latest');
    const answer = await this.http.get('/releases/latest', { headers, signal: this.signal() }, async (response) => {
      if (response.status === 304 && trusted) return 'not-modified' as const;
      try {
        await expectOk(response, url);
      } catch (error) {
        // 404 NOT_FOUND before any release: nothing published yet, not a failure.
        if (!trusted && error instanceof RulebookError && error.details.serverCode === 'NOT_FOUND')
          return 'empty' as const;
        throw error;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      return openRelease(key, bytes, {
        signature: response.headers.get('x-rulebook-signature'),
        sha256: stripEtag(response.headers.get('etag')),
        keyId: response.headers.get('x-rulebook-key-id'),
      });
    });
    if (answer === 'not-modified') return 'unchanged';
    if (answer === 'empty') return 'empty';
    return (await this.trust(answer, 'full', true)) ? 'updated' : 'unchanged';
  }

  /** `GET /changes?since=N` applied to the trusted copy N, then checked like a full release. */
  private async applyDelta(key: TrustedKeys, base: VerifiedRelease): Promise<void> {
    const since = base.snapshot.version;
    const changes = parseChanges(await this.http.getJson(`/changes?since=${since}`, { signal: this.signal() }));
    const release = changes.release;
    if (release.version === since) {
      if (release.sha256 !== base.seal.sha256)
        throw new RulebookError('ROLLBACK', `another release claims version ${since}`);
    } else {
      const rebuilt = applyChanges(base.snapshot, changes);
      const sha256 = await sha256Hex(rebuilt.bytes);
      if (sha256 !== release.sha256.toLowerCase()) {
        throw new RulebookError(
          'TAMPERED',
          `release ${release.version} rebuilt from changes does not match its SHA-256`,
        );
      }
      if (!(await verifySignature(key, release.signature, rebuilt.bytes, release.keyId))) {
        throw new RulebookError(
          'TAMPERED',
          `release ${release.version} rebuilt from changes: the signature does not verify`,
        );
      }
      const verified: VerifiedRelease = {
        snapshot: rebuilt.snapshot,
        seal: { sha256, signature: release.signature, keyId: release.keyId },
        text: decodeUtf8(rebuilt.bytes),
      };
      await this.trust(verified, 'changes', true);
    }
    await this.takeAdvisories(key, changes.advisories, 'replace');
  }

  private async refreshAdvisories(key: TrustedKeys): Promise<void> {
    const advisories = parseAdvisories(await this.http.getJson('/advisories', { signal: this.signal() }));
    await this.takeAdvisories(key, advisories, 'replace');
  }

  /**
   * Makes a verified release the trusted one, unless it would go back in time. Returns false
   * when it is the release already trusted.
   */
  private async trust(release: VerifiedRelease, source: ReleaseSource, persist: boolean): Promise<boolean> {
    const trusted = this.trusted;
    const version = release.snapshot.version;
    if (trusted) {
      const trustedVersion = trusted.snapshot.version;
      if (version < trustedVersion) {
        throw new RulebookError(
          'ROLLBACK',
          `refused release ${version}: release ${trustedVersion} is already trusted`,
          {
            version,
            trustedVersion,
          },
        );
      }
      if (version === trustedVersion) {
        if (release.seal.sha256 === trusted.seal.sha256) return false;
        throw new RulebookError('ROLLBACK', `refused a second, different release ${version}`, {
          version,
          trustedVersion,
        });
      }
    }
    this.trusted = release;
    this.index = undefined;
    this.rulesByKey = undefined;
    this.advisorySet.prune(release.snapshot);
    if (persist) await this.persist();
    this.emit('release', {
      snapshot: release.snapshot,
      seal: release.seal,
      source,
      previousVersion: trusted?.snapshot.version,
    });
    return true;
  }

  /** Keeps only advisories whose signature verifies; announces the new ones. */
  private async takeAdvisories(
    key: TrustedKeys,
    advisories: readonly AdvisoryEntry[],
    mode: 'add' | 'replace',
  ): Promise<void> {
    const verified: AdvisoryEntry[] = [];
    let refused = 0;
    for (const advisory of advisories) {
      if (await verifyAdvisory(key, advisory)) verified.push(advisory);
      else refused += 1;
    }
    if (refused > 0)
      this.report(new RulebookError('TAMPERED', `${refused} advisory(ies) refused: the signature does not verify`));
    const release = this.trusted?.snapshot;
    const before = this.advisorySet.ids();
    const fresh =
      mode === 'replace'
        ? this.advisorySet.replace(verified, release)
        : verified.filter((advisory) => this.advisorySet.add(advisory, release));
    if (this.advisorySet.ids() !== before) await this.persist();
    for (const advisory of fresh) this.emit('advisory', advisory);
  }

  private async persist(): Promise<void> {
    const trusted = this.trusted;
    if (!trusted) return;
    try {
      await this.storage.save({
        format: STORED_RULEBOOK_FORMAT,
        snapshot: trusted.text,
        sha256: trusted.seal.sha256,
        signature: trusted.seal.signature,
        keyId: trusted.seal.keyId,
        advisories: this.advisorySet.entries(),
        publicKey: this.pinnedOnFirstUse ? this.pinnedKey : undefined,
        lastEventId: this.lastProcessedEventId,
        savedAt: new Date().toISOString(),
      });
    } catch (error) {
      this.report(toRulebookError(error, 'STORAGE', 'cannot save the rulebook copy'));
    }
  }

  /** Resume after whichever is later: the last event handled or the release in hand (it may come from polling). */
  private resumeId(): string | undefined {
    const version = this.version;
    const processed = parseEventId(this.lastProcessedEventId);
    if (version === undefined) return this.lastProcessedEventId;
    if (processed && processed.version >= version) return this.lastProcessedEventId;
    return String(version);
  }

  /**
   * One stream event. A release event only says "there is something newer": the release itself
   * is fetched and verified. A network failure is rethrown so the connection restarts and the
   * server replays the event; a refusal (rollback, tampering) is final for that event.
   */
  private async handleEvent(event: SseEvent): Promise<void> {
    if (event.type === 'release') {
      let announced;
      try {
        announced = parseReleaseEvent(parseJson(event.data, 'release event'));
      } catch (error) {
        this.report(toRulebookError(error, 'MALFORMED', 'release event'));
        return this.processed(event);
      }
      if (this.version === undefined || announced.version > this.version) {
        const outcome = await this.serial(() => this.refresh('changes'));
        if (outcome.error) {
          this.report(outcome.error);
          if (outcome.error.code === 'NETWORK' || outcome.error.code === 'HTTP') throw outcome.error;
        }
      }
    } else if (event.type === 'advisory') {
      try {
        const advisory = parseAdvisory(parseJson(event.data, 'advisory event'));
        const key = await this.publicKey();
        await this.serial(() => this.takeAdvisories(key, [advisory], 'add'));
      } catch (error) {
        this.report(toRulebookError(error, 'MALFORMED', 'advisory event'));
      }
    }
    await this.processed(event);
  }

  private async processed(event: SseEvent): Promise<void> {
    if (!event.id || event.id === this.lastProcessedEventId) return;
    this.lastProcessedEventId = event.id;
    // Saved with the copy so a restarted desktop resumes the stream where it stopped.
    await this.serial(() => this.persist());
  }
}
