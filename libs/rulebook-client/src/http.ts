import { RulebookError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type TokenSource = () => string | undefined | null | Promise<string | undefined | null>;

export interface FeedHttpOptions {
  /** e.g. `https://pepite.example/api/rulebook`. */
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly getToken?: TokenSource;
  readonly requestTimeoutMs: number;
}

export interface FeedRequest {
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Off for the event stream, which stays open on purpose. */
  readonly timeout?: boolean;
}

/**
 * The feed's HTTP calls: base URL, bearer token (asked for at each request so a refreshed
 * token is picked up), a timeout, and failures mapped to NETWORK or HTTP errors.
 */
export class FeedHttp {
  private readonly baseUrl: string;

  constructor(private readonly options: FeedHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /**
   * Sends a GET and hands the response to `read` while the timeout still runs, so a body that
   * stalls halfway is cut too. `read` runs for every status; see `expectOk`.
   */
  async get<T>(path: string, request: FeedRequest, read: (response: Response) => Promise<T>): Promise<T> {
    const url = this.url(path);
    const controller = new AbortController();
    const outer = request.signal;
    const abort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) abort();
    outer?.addEventListener('abort', abort, { once: true });
    const timer =
      request.timeout === false
        ? undefined
        : setTimeout(
            () => controller.abort(new Error(`no answer within ${this.options.requestTimeoutMs} ms`)),
            this.options.requestTimeoutMs,
          );
    try {
      const headers: Record<string, string> = { ...request.headers };
      const token = await this.options.getToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await this.options.fetch(url, { method: 'GET', headers, signal: controller.signal });
      } catch (error) {
        throw networkError(url, error, controller.signal);
      }
      try {
        return await read(response);
      } catch (error) {
        if (error instanceof RulebookError) throw error;
        throw networkError(url, error, controller.signal);
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      outer?.removeEventListener('abort', abort);
    }
  }

  /** Reads a JSON body of a 2xx response. */
  getJson(path: string, request: FeedRequest = {}): Promise<unknown> {
    return this.get(
      path,
      { ...request, headers: { accept: 'application/json', ...request.headers } },
      async (response) => {
        await expectOk(response, this.url(path));
        const text = await response.text();
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new RulebookError('MALFORMED', `malformed answer from ${path}: not JSON`, {
            url: this.url(path),
            status: response.status,
          });
        }
      },
    );
  }
}

function networkError(url: string, error: unknown, signal: AbortSignal): RulebookError {
  const reason =
    signal.aborted && signal.reason instanceof Error
      ? signal.reason.message
      : error instanceof Error
        ? error.message
        : String(error);
  return new RulebookError('NETWORK', `cannot reach ${url}: ${reason}`, { url }, { cause: error });
}

/** Throws an HTTP error carrying the server's `error.code` unless the status is 2xx. */
export async function expectOk(response: Response, url: string): Promise<void> {
  if (response.ok) return;
  let serverCode: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown } } | null;
    if (typeof body?.error?.code === 'string') serverCode = body.error.code;
  } catch {
    // A non-JSON error body still has its status.
  }
  throw new RulebookError('HTTP', `${url} answered ${response.status}${serverCode ? ` ${serverCode}` : ''}`, {
    url,
    status: response.status,
    serverCode,
  });
}
