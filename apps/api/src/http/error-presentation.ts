import { HttpException, Logger } from '@nestjs/common';
import { CommonErrors, DomainError, ErrorCode, type Locale, DEFAULT_LOCALE, unavailableError } from '@pepite/api/errors';
import { isDatabaseUnavailable } from './database-unavailable';
import { currentRequest } from './request-context';

export interface PresentedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

const logger = new Logger('Errors');

/**
 * The one place an exception becomes what a client sees: a catalogue code and a message
 * in the caller's language. Anything unexpected is logged with its stack and shown only
 * as INTERNAL_SERVER_ERROR with the request id: no stack trace, no SQL, ever.
 */
export function presentError(error: unknown): PresentedError {
  const presented = present(error);
  const retryAfter = presented.details['retryAfterSeconds'];
  const response = currentRequest()?.response;
  // The header says the same wait as the error (RATE_LIMITED sets its own already).
  if (presented.code === ErrorCode.SERVICE_UNAVAILABLE && typeof retryAfter === 'number' && response && !response.headersSent) {
    response.setHeader('Retry-After', String(retryAfter));
  }
  return presented;
}

function present(error: unknown): PresentedError {
  const { locale, requestId } = callerContext();
  if (error instanceof DomainError) return fromDomain(error, locale);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const known = fromHttpStatus(status);
    if (known) return fromDomain(known, locale);
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, requestId }, 'database unavailable');
    return fromDomain(unavailableError(), locale);
  }
  logger.error({ err: error, requestId }, 'unexpected error');
  return fromDomain(CommonErrors.internal({ requestId }), locale);
}

function fromDomain(error: DomainError, locale: Locale): PresentedError {
  return { code: error.code, message: error.messageIn(locale), details: error.details };
}

function fromHttpStatus(status: number): DomainError | null {
  switch (status) {
    case 401:
      return CommonErrors.unauthenticated();
    case 403:
      return CommonErrors.forbidden();
    case 404:
      return new DomainError(ErrorCode.NOT_FOUND, { fr: 'Cette adresse n’existe pas.', en: 'There is nothing at this address.' });
    case 413:
      return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, {
        fr: 'La requête est trop volumineuse.',
        en: 'The request is too large.',
      });
    case 429:
      return CommonErrors.rateLimited({ retryAfterSeconds: 60 });
    case 503:
      return unavailableError();
    default:
      return status >= 400 && status < 500
        ? new DomainError(ErrorCode.BAD_REQUEST, { fr: 'Requête mal formée.', en: 'Malformed request.' })
        : null;
  }
}

function callerContext(): { locale: Locale; requestId: string } {
  const context = currentRequest();
  return { locale: context?.locale ?? DEFAULT_LOCALE, requestId: context?.requestId || 'none' };
}
