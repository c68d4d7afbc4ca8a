import { Backoff } from './backoff';
import type { RulebookError } from './errors';
import type { ConnectionState } from './events';
import { expectOk, type FeedHttp } from './http';
import { SseParser, type SseEvent } from './sse-parser';

export interface ReconnectOptions {
  /** First reconnection delay (a server's `retry:` replaces it). Default 1 s. */
  readonly initialDelayMs: number;
  /** Cap of the exponential backoff. Default 30 s. */
  readonly maxDelayMs: number;
  /** Failed connections in a row before switching to polling. Default 3. */
  readonly failuresBeforePolling: number;
  /** While polling, how often to try the stream again. Default 5 min. */
  readonly retryStreamEveryMs: number;
  /** A stream silent for this long (no event, no heartbeat) is considered dead. Default 90 s. */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_RECONNECT: ReconnectOptions = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  failuresBeforePolling: 3,
  retryStreamEveryMs: 300_000,
  idleTimeoutMs: 90_000,
};

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Calls `task` now and then every `intervalMs` after each run ends, so runs never overlap. */
export class Poller {
  private controller: AbortController | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
  ) {}

  get running(): boolean {
    return this.controller !== undefined;
  }

  start(): void {
    if (this.controller || this.intervalMs <= 0) return;
    const controller = new AbortController();
    this.controller = controller;
    void (async () => {
      while (!controller.signal.aborted) {
        await this.task().catch(() => undefined);
        await sleep(this.intervalMs, controller.signal);
      }
    })();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}

export interface LiveChannelOptions {
  readonly http: FeedHttp;
  readonly reconnect: ReconnectOptions;
  readonly random?: () => number;
  /** The id to resume from, read at each connection. */
  readonly lastEventId: () => string | undefined;
  /** Handles one event; throwing closes the connection so the event is replayed on reconnection. */
  readonly onEvent: (event: SseEvent) => Promise<void>;
  readonly onState: (state: ConnectionState) => void;
  /** An HTTP error worth showing (401, 403); other connection failures only change the state. */
  readonly onError: (error: RulebookError) => void;
  readonly poller: Poller;
}

interface Attempt {
  readonly opened: boolean;
  /** The server has no event stream: no point retrying soon. */
  readonly unsupported: boolean;
  readonly reason: string;
}

/** Statuses that mean "no event stream here" rather than "try again shortly". */
const NO_STREAM = new Set([404, 405, 406, 501]);

/**
 * The live channel: SSE over fetch (so the Authorization header goes along), reconnecting
 * with backoff and `Last-Event-ID`; after repeated failures, or when the server has no
 * stream, it polls and tries the stream again now and then.
 */
export class LiveChannel {
  private controller: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private serverRetryMs: number | undefined;

  constructor(private readonly options: LiveChannelOptions) {}

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    this.loop = this.run(this.controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    this.controller = undefined;
    this.options.poller.stop();
    await this.loop;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { reconnect } = this.options;
    const backoff = new Backoff({
      initialDelayMs: reconnect.initialDelayMs,
      maxDelayMs: reconnect.maxDelayMs,
      random: this.options.random,
    });
    let failures = 0;
    while (!signal.aborted) {
      const attempt = await this.connect(signal);
      if (signal.aborted) break;
      if (attempt.opened) {
        failures = 0;
        backoff.reset();
      }
      failures += 1;
      if (attempt.unsupported || failures >= reconnect.failuresBeforePolling) {
        this.options.onState({
          state: 'polling',
          reason: attempt.reason,
          retryStreamInMs: reconnect.retryStreamEveryMs,
        });
        this.options.poller.start();
        await sleep(reconnect.retryStreamEveryMs, signal);
      } else {
        const retryInMs = backoff.next(this.serverRetryMs);
        this.options.onState({ state: 'closed', failures, retryInMs, reason: attempt.reason });
        await sleep(retryInMs, signal);
      }
    }
  }

  private async connect(outer: AbortSignal): Promise<Attempt> {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    outer.addEventListener('abort', abort, { once: true });
    let opened = false;
    const lastEventId = this.options.lastEventId();
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    // Until the stream opens, the idle timeout bounds the wait for headers (or an error body).
    const idleMs = this.options.reconnect.idleTimeoutMs;
    const connectTimer = setTimeout(
      () => controller.abort(new Error(`the event stream did not open within ${idleMs} ms`)),
      idleMs,
    );
    try {
      return await this.options.http.get(
        '/events',
        { headers, signal: controller.signal, timeout: false },
        async (response) => {
          if (!response.ok) {
            let reason = `HTTP ${response.status}`;
            try {
              await expectOk(response, this.options.http.url('/events'));
            } catch (error) {
              const failure = error as RulebookError;
              reason = failure.message;
              if (response.status === 401 || response.status === 403) this.options.onError(failure);
            }
            return { opened, unsupported: NO_STREAM.has(response.status), reason };
          }
          const type = response.headers.get('content-type') ?? '';
          if (!type.toLowerCase().startsWith('text/event-stream') || !response.body) {
            await response.body?.cancel();
            return {
              opened,
              unsupported: true,
              reason: `/events answered ${type || 'no content type'}, not an event stream`,
            };
          }
          opened = true;
          clearTimeout(connectTimer);
          this.options.poller.stop();
          this.options.onState({ state: 'open' });
          return await this.read(response.body, controller);
        },
      );
    } catch (error) {
      return { opened, unsupported: false, reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(connectTimer);
      // Releases the connection whatever ended the read.
      controller.abort();
      outer.removeEventListener('abort', abort);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<Attempt> {
    const events: SseEvent[] = [];
    const parser = new SseParser({
      onEvent: (event) => events.push(event),
      onRetry: (ms) => {
        this.serverRetryMs = ms;
      },
    });
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (;;) {
      // The idle timer runs only while waiting for bytes, not while an event is being handled.
      const idleMs = this.options.reconnect.idleTimeoutMs;
      const timer = setTimeout(() => controller.abort(new Error(`the stream was silent for ${idleMs} ms`)), idleMs);
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) {
        parser.end();
        return { opened: true, unsupported: false, reason: 'the server closed the stream' };
      }
      parser.push(decoder.decode(chunk.value, { stream: true }));
      while (events.length > 0) {
        const event = events.shift() as SseEvent;
        await this.options.onEvent(event);
      }
    }
  }
}
