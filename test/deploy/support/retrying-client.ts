/**
 * A GraphQL client that follows the README's retry rules ("Running several instances"):
 * a refused or cut connection, HTTP 502, 503 or 504, or `SERVICE_UNAVAILABLE`, is sent
 * again, after `Retry-After` when given, with the SAME idempotency key. Anything else is an
 * answer. It counts what it had to retry, and every answer that was not a success.
 */
export const RETRYABLE_STATUSES: readonly number[] = [502, 503, 504];
export const RETRYABLE_CODES: readonly string[] = ['SERVICE_UNAVAILABLE'];

export interface Outcome<T> {
  readonly data?: T;
  readonly errorCode?: string;
  readonly attempts: number;
}

export class RetryingClient {
  retries = 0;
  readonly retryReasons = new Map<string, number>();

  constructor(private readonly baseUrl: string) {}

  async send<T>(query: string, variables: Record<string, unknown>, token: string, maxAttempts = 60): Promise<Outcome<T>> {
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      let waitMs = Math.min(50 * attempt, 1000);
      try {
        const response = await fetch(`${this.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        const retryAfter = Number(response.headers.get('retry-after'));
        if (retryAfter > 0) waitMs = Math.min(retryAfter * 1000, 5000);
        if (RETRYABLE_STATUSES.includes(response.status)) {
          reason = `HTTP ${response.status}`;
        } else {
          const body = JSON.parse(text) as { data?: T | null; errors?: { extensions?: { code?: string } }[] };
          const code = body.errors?.[0]?.extensions?.code;
          if (code && RETRYABLE_CODES.includes(code)) reason = code;
          else if (body.errors?.length) return { errorCode: code ?? 'UNKNOWN', attempts: attempt };
          else return { data: body.data as T, attempts: attempt };
        }
      } catch (error) {
        reason = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection';
      }
      if (attempt >= maxAttempts) return { errorCode: `GAVE_UP(${reason})`, attempts: attempt };
      this.retries++;
      this.retryReasons.set(reason, (this.retryReasons.get(reason) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
