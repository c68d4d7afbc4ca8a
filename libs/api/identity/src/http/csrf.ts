import type { Request } from 'express';

/** The header both apps send on /auth/refresh and /auth/logout. */
export const SESSION_REQUEST_HEADER = 'x-pepite-session';

/**
 * A cookie-authenticated POST is accepted only from our own pages: SameSite=Strict keeps
 * the cookie off cross-site requests, the custom header cannot be sent cross-origin without
 * a CORS preflight (which only CORS_ORIGINS pass), and an Origin header, when the browser
 * sends one, must be this API's own or one of CORS_ORIGINS.
 */
export function isSameOriginSessionRequest(request: Request, allowedOrigins: readonly string[] | '*'): boolean {
  if (request.get(SESSION_REQUEST_HEADER) !== '1') return false;
  const origin = request.get('origin');
  if (!origin) return true;
  const own = `${request.protocol}://${request.get('host') ?? ''}`;
  if (origin === own) return true;
  return allowedOrigins !== '*' && allowedOrigins.includes(origin);
}
