import { defineErrors, DomainError, fixedText } from './domain-error';
import { ErrorCode } from './error-code';

/** Errors every context may raise. */
export const CommonErrors = defineErrors({
  unauthenticated: fixedText(
    ErrorCode.UNAUTHENTICATED,
    'Vous devez être connecté·e pour faire cela.',
    'You must be signed in to do this.',
  ),
  sessionExpired: fixedText(
    ErrorCode.UNAUTHENTICATED,
    'Votre session a expiré ou n’est plus valable ; reconnectez-vous.',
    'Your session has expired or is no longer valid; please sign in again.',
  ),
  forbidden: fixedText(
    ErrorCode.FORBIDDEN,
    'Votre rôle ne permet pas cette action.',
    'Your role does not allow this action.',
  ),
  rateLimited: {
    code: ErrorCode.RATE_LIMITED,
    fr: (p: { retryAfterSeconds: number }) =>
      `Trop de tentatives. Réessayez dans ${p.retryAfterSeconds} seconde${p.retryAfterSeconds > 1 ? 's' : ''}.`,
    en: (p: { retryAfterSeconds: number }) =>
      `Too many attempts. Try again in ${p.retryAfterSeconds} second${p.retryAfterSeconds > 1 ? 's' : ''}.`,
  },
  unavailable: fixedText(
    ErrorCode.SERVICE_UNAVAILABLE,
    'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    'The service is temporarily unavailable. Please try again in a moment.',
  ),
  internal: {
    code: ErrorCode.INTERNAL_SERVER_ERROR,
    fr: (p: { requestId: string }) => `Une erreur inattendue s’est produite (référence ${p.requestId}).`,
    en: (p: { requestId: string }) => `An unexpected error occurred (reference ${p.requestId}).`,
  },
});

/** How long a client should wait before retrying after SERVICE_UNAVAILABLE (a restart, a full pool). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * SERVICE_UNAVAILABLE with `retryAfterSeconds` in the details (GraphQL `extensions.retryAfterSeconds`);
 * the HTTP layer sends the same number as `Retry-After`.
 */
export function unavailableError(): DomainError {
  const error = CommonErrors.unavailable();
  return new DomainError(error.code, error.text, {
    ...error.details,
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });
}

/**
 * RATE_LIMITED with `retryAfterSeconds` in the details (GraphQL `extensions.retryAfterSeconds`),
 * the same number as the `Retry-After` header.
 */
export function rateLimitedError(retryAfterSeconds: number): DomainError {
  const error = CommonErrors.rateLimited({ retryAfterSeconds });
  return new DomainError(error.code, error.text, { ...error.details, retryAfterSeconds });
}

/** The GraphQL document is over one of the limits that protect the server. */
export const QueryLimitErrors = defineErrors({
  tooDeep: {
    code: ErrorCode.QUERY_TOO_DEEP,
    fr: (p: { limit: number; found: number }) =>
      `La requête imbrique ${p.found} niveaux de champs ; au plus ${p.limit} sont acceptés.`,
    en: (p: { limit: number; found: number }) =>
      `The query nests fields ${p.found} levels deep; at most ${p.limit} are allowed.`,
  },
  tooManyAliases: {
    code: ErrorCode.TOO_MANY_ALIASES,
    fr: (p: { limit: number; found: number }) =>
      `La requête utilise ${p.found} alias ; au plus ${p.limit} sont acceptés.`,
    en: (p: { limit: number; found: number }) => `The query uses ${p.found} aliases; at most ${p.limit} are allowed.`,
  },
  tooComplex: {
    code: ErrorCode.QUERY_TOO_COMPLEX,
    fr: (p: { limit: number; found: number }) =>
      `La requête est trop coûteuse (coût estimé ${p.found}, maximum ${p.limit}) : demandez moins d’éléments par page ou moins de champs.`,
    en: (p: { limit: number; found: number }) =>
      `The query is too expensive (estimated cost ${p.found}, maximum ${p.limit}): ask for fewer items per page or fewer fields.`,
  },
  nulCharacter: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le texte envoyé contient un caractère nul (U+0000), qui n’est pas accepté.',
    'The text sent contains a NUL character (U+0000), which is not accepted.',
  ),
  documentTooLarge: {
    code: ErrorCode.DOCUMENT_TOO_LARGE,
    fr: (p: { limit: number }) => `Le document GraphQL dépasse ${p.limit} lexèmes.`,
    en: (p: { limit: number }) => `The GraphQL document has more than ${p.limit} tokens.`,
  },
});
