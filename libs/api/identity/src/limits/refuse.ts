import { rateLimitedError, type DomainError } from '@pepite/api/errors';

interface HeaderSink {
  setHeader?: (name: string, value: string) => void;
}

/** RATE_LIMITED, with the same wait in the `Retry-After` header and in `extensions.retryAfterSeconds`. */
export function refuse(retryAfterSeconds: number, res: HeaderSink | undefined): DomainError {
  res?.setHeader?.('Retry-After', String(retryAfterSeconds));
  return rateLimitedError(retryAfterSeconds);
}
