import type { AdvisoryEntry, ReleaseSealInfo, RuleEntry, RulebookSnapshot } from '@pepite/rulebook-format';
import { RulebookError } from './errors';
import { TypedEmitter, type ConnectionState, type RulebookEventMap } from './events';
import { FeedHttp, type FetchLike, type TokenSource } from './http';
import { KeyTrust } from './key-trust';
import { DEFAULT_RECONNECT, LiveChannel, Poller, type ReconnectOptions } from './live';
import { ReleaseSync, type SyncOutcome } from './release-sync';
import type { SearchHit, SearchOptions } from './search';
import { MemoryStorage, type RulebookStorage } from './storage';
import { StreamEvents } from './stream-events';
import { TrustedCopy, type ClientSignals } from './trusted-copy';

export type { SyncOutcome } from './release-sync';

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

/**
 * Reads Pépite's signed rulebook feed and keeps the last good copy. Nothing is trusted
 * until its SHA-256 and Ed25519 signature match the pinned key; a release older than the
 * trusted one is refused; a refused answer never replaces the copy in hand.
 *
 * This class is the public facade: it starts and stops the parts and runs their work one
 * task at a time. Keys live in KeyTrust, the trusted copy and its storage in TrustedCopy,
 * fetching and verification in ReleaseSync, stream events in StreamEvents, the stream and
 * its reconnection in LiveChannel.
 */
export class RulebookClient extends TypedEmitter<RulebookEventMap> {
  private readonly http: FeedHttp;
  private readonly copy: TrustedCopy;
  private readonly releases: ReleaseSync;
  private readonly events: StreamEvents;
  /** One refresh at a time: sync, stream events and polling never interleave their writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private lifetime: AbortController | undefined;
  private live: LiveChannel | undefined;
  private poller: Poller | undefined;
  private lastConnection: ConnectionState = { state: 'stopped' };
  private latestError: RulebookError | undefined;

  constructor(private readonly options: RulebookClientOptions) {
    super();
    const configuredKeys = [options.publicKey, ...(options.publicKeys ?? [])].filter(
      (key): key is string => typeof key === 'string' && key.trim() !== '',
    );
    if (configuredKeys.length === 0 && !options.trustOnFirstUse) {
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
    const storage = options.storage ?? new MemoryStorage();
    const signal = () => this.lifetime?.signal;
    const signals: ClientSignals = {
      emit: (type, payload) => this.emit(type, payload),
      report: (error) => this.report(error),
    };
    const keys = new KeyTrust(configuredKeys, this.http, signal);
    this.copy = new TrustedCopy(storage, keys, signals, options.now ?? Date.now);
    this.releases = new ReleaseSync(this.http, storage, keys, this.copy, signals, signal);
    this.events = new StreamEvents(this.releases, this.copy, keys, signals, (task) => this.serial(task));
  }

  /** The trusted release, or undefined before the first one. */
  get current(): CurrentRelease | undefined {
    const trusted = this.copy.release;
    return trusted && { snapshot: trusted.snapshot, seal: trusted.seal };
  }

  get version(): number | undefined {
    return this.copy.version;
  }

  /** Active advisories: verified, not expired, not superseded by a later release of their rule. */
  get advisories(): AdvisoryEntry[] {
    return this.copy.advisories;
  }

  get connection(): ConnectionState {
    return this.lastConnection;
  }

  get lastError(): RulebookError | undefined {
    return this.latestError;
  }

  rule(key: string): RuleEntry | undefined {
    return this.copy.rule(key);
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.copy.search(query, options);
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
    await this.serial(() => this.releases.restore());
    const outcome = await this.serial(() => this.releases.refresh('check'));
    if (outcome.error) {
      const error = outcome.error;
      if (error.code === 'NETWORK') {
        const version = this.copy.version;
        const from = version !== undefined ? `running from the stored release ${version}` : 'no stored copy yet';
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
    this.poller = new Poller(this.options.pollIntervalMs ?? 60_000, () => this.sync());
    if (this.options.live === false) {
      this.setConnection({ state: 'polling', reason: 'live updates are off', retryStreamInMs: 0 });
      this.poller.start();
      return;
    }
    this.live = new LiveChannel({
      http: this.http,
      reconnect: { ...DEFAULT_RECONNECT, ...this.options.reconnect },
      random: this.options.random,
      lastEventId: () => this.copy.resumeId(),
      onEvent: (event) => this.events.handle(event),
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
    const outcome = await this.serial(() => this.releases.refresh('check'));
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
}
