import { defineErrors } from './domain-error';
import { ErrorCode } from './error-code';

/** Errors every context may raise. */
export const CommonErrors = defineErrors({
  unauthenticated: {
    code: ErrorCode.UNAUTHENTICATED,
    fr: (_: void) => 'Vous devez être connecté·e pour faire cela.',
    en: (_: void) => 'You must be signed in to do this.',
  },
  sessionExpired: {
    code: ErrorCode.UNAUTHENTICATED,
    fr: (_: void) => 'Votre session a expiré ou n’est plus valable ; reconnectez-vous.',
    en: (_: void) => 'Your session has expired or is no longer valid; please sign in again.',
  },
  forbidden: {
    code: ErrorCode.FORBIDDEN,
    fr: (_: void) => 'Votre rôle ne permet pas cette action.',
    en: (_: void) => 'Your role does not allow this action.',
  },
  rateLimited: {
    code: ErrorCode.RATE_LIMITED,
    fr: (p: { retryAfterSeconds: number }) =>
      `Trop de tentatives. Réessayez dans ${p.retryAfterSeconds} seconde${p.retryAfterSeconds > 1 ? 's' : ''}.`,
    en: (p: { retryAfterSeconds: number }) =>
      `Too many attempts. Try again in ${p.retryAfterSeconds} second${p.retryAfterSeconds > 1 ? 's' : ''}.`,
  },
  unavailable: {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    fr: (_: void) => 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    en: (_: void) => 'The service is temporarily unavailable. Please try again in a moment.',
  },
  internal: {
    code: ErrorCode.INTERNAL_SERVER_ERROR,
    fr: (p: { requestId: string }) => `Une erreur inattendue s’est produite (référence ${p.requestId}).`,
    en: (p: { requestId: string }) => `An unexpected error occurred (reference ${p.requestId}).`,
  },
});
