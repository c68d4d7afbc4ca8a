/**
 * The one catalogue of error codes clients may rely on (`extensions.code` in GraphQL,
 * `error.code` in HTTP bodies). Adding a code is fine; renaming one is a breaking change.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is malformed (invalid JSON, no query, mutation over GET). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The GraphQL document does not parse. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The GraphQL document does not match the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The request body is larger than allowed. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** None of the encodings the resource exists in is acceptable to the client (`Accept-Encoding`). */
  NOT_ACCEPTABLE = 'NOT_ACCEPTABLE',
  /** The GraphQL operation nests fields deeper than allowed. */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** The GraphQL operation uses more aliases than allowed. */
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  /** The GraphQL operation's estimated cost is over the limit. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The GraphQL document has more tokens than allowed. */
  DOCUMENT_TOO_LARGE = 'DOCUMENT_TOO_LARGE',
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}

/** HTTP status that goes with each code on REST routes. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.BAD_REQUEST:
    case ErrorCode.GRAPHQL_PARSE_FAILED:
    case ErrorCode.GRAPHQL_VALIDATION_FAILED:
    case ErrorCode.QUERY_TOO_DEEP:
    case ErrorCode.TOO_MANY_ALIASES:
    case ErrorCode.QUERY_TOO_COMPLEX:
    case ErrorCode.DOCUMENT_TOO_LARGE:
      return 400;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.NOT_ACCEPTABLE:
      return 406;
    case ErrorCode.CONFLICT:
    case ErrorCode.ILLEGAL_TRANSITION:
      return 409;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return 500;
    default:
      return assertUnreachable(code);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
