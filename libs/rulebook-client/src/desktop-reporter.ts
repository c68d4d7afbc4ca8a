import { normaliseSearchGap } from '@pepite/text-folding';
import type { FetchLike, TokenSource } from './http';
import type { StorageLike } from './storage';

/** What the desktop last applied, as it is kept between runs. */
interface AppliedRelease {
  readonly version: number;
  readonly appliedAt: string;
}

interface ReporterState {
  readonly desktopId: string;
  readonly applied?: AppliedRelease;
  /** Set when a status is owed to the server (a new release, or a report that failed). */
  readonly owed?: boolean;
  /** Unanswered searches not sent yet, normalised; each at most once per day. */
  readonly searches?: readonly string[];
  /** The day (`YYYY-MM-DD`) and the searches already sent that day. */
  readonly sentDay?: string;
  readonly sentSearches?: readonly string[];
}

/** Something with the RulebookClient's `on('release', …)`. */
export interface ReleaseSource {
  on(
    type: 'release',
    listener: (update: {
      readonly snapshot: { readonly version: number };
      readonly source?: string;
      readonly previousVersion?: number;
    }) => void,
  ): () => void;
}

export interface DesktopReporterOptions {
  /** The API's GraphQL endpoint, e.g. `https://pepite.example/graphql`. */
  readonly graphqlUrl: string;
  /**
   * Where the status goes: `POST /api/desktop/status`, the API's cheapest request (answered
   * before its GraphQL stack). Default: beside `graphqlUrl` (`…/graphql` → `…/api/desktop/status`).
   */
  readonly statusUrl?: string;
  /** The signed-in operator's token, asked before each request; nothing is sent without one. */
  readonly getToken: TokenSource;
  /** Where the desktop id and what is owed live between runs (`localStorage`). Default: memory. */
  readonly storage?: StorageLike;
  readonly storageKey?: string;
  readonly fetch?: FetchLike;
  /** The status is sent again this often, so managers know the desktop is alive. Default 5 min; 0: never. */
  readonly heartbeatMs?: number;
  /**
   * A release received live is reported after a random delay of up to this long, so that
   * thousands of desktops told at once do not all report in the same second. Default 30 s.
   */
  readonly jitterMs?: number;
  readonly random?: () => number;
  /** After a failure, the next attempt comes this much later (doubling up to 10×). Default 30 s. */
  readonly retryMs?: number;
  readonly now?: () => number;
  /** Draws the desktop id the first time (default `crypto.randomUUID`). */
  readonly newId?: () => string;
}

const REPORT_SEARCHES = `mutation ReportSearchGaps($input: ReportSearchGapsInput!) {
  reportSearchGaps(input: $input) { counted }
}`;
const MAX_QUEUED_SEARCHES = 50;

/**
 * The desktop's return path (issue 19): says which release it has applied — at start, on
 * each new release, and every few minutes — and which searches found nothing. One small
 * request each. What could not be sent is kept and sent later, once: the state holds only
 * the latest status owed (two releases applied offline make one report), and a status is
 * idempotent on the server (the same report again changes nothing but "last heard of").
 * Nothing identifying is added: the desktop id is random, searches are normalised here (and
 * again by the server) and carry no user or session id on the wire beyond the token.
 */
export class DesktopReporter {
  private readonly storage: StorageLike;
  private readonly key: string;
  private readonly fetch: FetchLike;
  private readonly now: () => number;
  private state: ReporterState;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private sending: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(private readonly options: DesktopReporterOptions) {
    this.storage = options.storage ?? memoryStorage();
    this.key = options.storageKey ?? 'pepite.desktop.reporter';
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    const stored = readState(this.storage.getItem(this.key));
    this.state = stored ?? { desktopId: (options.newId ?? (() => globalThis.crypto.randomUUID()))() };
    if (!stored) this.save();
  }

  get desktopId(): string {
    return this.state.desktopId;
  }

  /** Whether a status or searches wait to be sent. */
  get pending(): boolean {
    return this.state.owed === true || (this.state.searches?.length ?? 0) > 0;
  }

  /** Sends what is owed now, then the status every `heartbeatMs`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.state.applied) this.state = { ...this.state, owed: true };
    void this.flush();
    const every = this.options.heartbeatMs ?? 300_000;
    if (every > 0) {
      this.heartbeat = setInterval(() => {
        if (this.state.applied) this.state = { ...this.state, owed: true };
        void this.flush();
      }, every);
      unref(this.heartbeat);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    if (this.retry !== undefined) clearTimeout(this.retry);
    this.heartbeat = undefined;
    this.retry = undefined;
  }

  /** Follows a RulebookClient: each trusted release (the stored one at start too) is reported. */
  follow(client: ReleaseSource): () => void {
    return client.on('release', ({ snapshot, source, previousVersion }) => {
      const at = new Date(this.now());
      // Only a release pushed to a running desktop is spread; the first one is said at once.
      const live = source !== 'storage' && previousVersion !== undefined;
      const delay = live ? (this.options.random ?? Math.random)() * (this.options.jitterMs ?? 30_000) : 0;
      if (delay === 0) {
        void this.applied(snapshot.version, at);
        return;
      }
      // Applied now; said a little later (the time sent is when it was applied).
      const timer = setTimeout(() => void this.applied(snapshot.version, at), delay);
      unref(timer);
    });
  }

  /** The desktop now runs `version`. A release already known keeps the time it was first applied. */
  async applied(version: number, at: Date = new Date(this.now())): Promise<void> {
    const known = this.state.applied;
    if (!known || known.version < version) this.state = { ...this.state, applied: { version, appliedAt: at.toISOString() } };
    this.state = { ...this.state, owed: true };
    this.save();
    await this.flush();
  }

  /** A search found nothing: kept (normalised) and sent with the next request, once a day at most. */
  async searchFoundNothing(query: string): Promise<void> {
    const normalised = normaliseSearchGap(query);
    if (normalised === null) return;
    const day = new Date(this.now()).toISOString().slice(0, 10);
    const sent = this.state.sentDay === day ? (this.state.sentSearches ?? []) : [];
    const queued = this.state.searches ?? [];
    if (sent.includes(normalised) || queued.includes(normalised)) return;
    this.state = { ...this.state, searches: [...queued, normalised].slice(-MAX_QUEUED_SEARCHES) };
    this.save();
    await this.flush();
  }

  /**
   * Sends what is owed; resolves when done or failed (then retried later). Never rejects.
   * Calls queue behind one another: what a call adds while a send runs goes in the next one.
   */
  flush(): Promise<void> {
    const run = this.sending.then(() => this.send());
    this.sending = run;
    return run;
  }

  private async send(): Promise<void> {
    try {
      while (this.pending) {
        const token = await this.options.getToken();
        if (!token) return;
        const state = this.state;
        if (state.owed && state.applied) {
          await this.postStatus(token, {
            releaseVersion: state.applied.version,
            appliedAt: state.applied.appliedAt,
            desktopId: state.desktopId,
          });
          // Another release applied meanwhile stays owed.
          if (this.state.applied?.version === state.applied.version) this.state = { ...this.state, owed: false };
        } else if (state.owed) {
          this.state = { ...this.state, owed: false };
        }
        const searches = this.state.searches ?? [];
        if (searches.length > 0) {
          await this.post(token, REPORT_SEARCHES, { input: { queries: searches } });
          const day = new Date(this.now()).toISOString().slice(0, 10);
          const sentBefore = this.state.sentDay === day ? (this.state.sentSearches ?? []) : [];
          this.state = {
            ...this.state,
            searches: (this.state.searches ?? []).filter((query) => !searches.includes(query)),
            sentDay: day,
            sentSearches: [...sentBefore, ...searches].slice(-500),
          };
        }
        this.save();
      }
      this.failures = 0;
    } catch {
      this.failures += 1;
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry !== undefined) return;
    const base = this.options.retryMs ?? 30_000;
    const delay = base * Math.min(10, 2 ** (this.failures - 1));
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.flush();
    }, delay);
    unref(this.retry);
  }

  /** Throws on a network failure or an answer that is not a success (kept for later). */
  private async postStatus(token: string, report: Record<string, unknown>): Promise<void> {
    const url = this.options.statusUrl ?? new URL('./api/desktop/status', this.options.graphqlUrl).toString();
    const response = await this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(report),
    });
    if (response.ok) return;
    const answer = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    // A refused report (an unknown release, bad input: 400) will be refused again: dropped, not retried.
    if (response.status === 400) return;
    throw new Error(`status not accepted: ${response.status} ${answer?.error?.code ?? ''}`);
  }

  /** Throws on a network failure or an answer that is not a success (kept for later). */
  private async post(token: string, query: string, variables: Record<string, unknown>): Promise<void> {
    const response = await this.fetch(this.options.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
    const code = answer?.errors?.[0]?.extensions?.code;
    // A refused report (an unknown release, bad input) will be refused again: dropped, not retried.
    if (code === 'BAD_USER_INPUT') return;
    if (!response.ok || !answer || code) throw new Error(`report not accepted: ${response.status} ${code ?? ''}`);
  }

  private save(): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(this.state));
    } catch {
      // A full or refused storage only loses what is owed after a restart.
    }
  }
}

function readState(text: string | null): ReporterState | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as ReporterState;
    return typeof value?.desktopId === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** In Node, a reporter's timers alone do not keep the process alive (browsers have no unref). */
function unref(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}
