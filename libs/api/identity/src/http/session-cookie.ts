import type { Request, Response } from 'express';

/** The refresh-token cookie: httpOnly, SameSite=Strict, sent only to /auth. */
export const SESSION_COOKIE = 'pepite_session';
export const SESSION_COOKIE_PATH = '/auth';

/** The value of one cookie of the request, or null (no cookie-parsing middleware needed for two names). */
export function cookieOf(request: Request, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Secure over HTTPS, and always in production (behind a TLS proxy `req.secure` follows
 * TRUST_PROXY); plain-HTTP development keeps working without it.
 */
export function setCookie(
  request: Request,
  response: Response,
  name: string,
  value: string,
  options: { path: string; maxAgeSeconds: number; sameSite: 'strict' | 'lax'; alwaysSecure: boolean },
): void {
  response.cookie(name, value, {
    httpOnly: true,
    secure: options.alwaysSecure || request.secure,
    sameSite: options.sameSite,
    path: options.path,
    maxAge: options.maxAgeSeconds * 1000,
  });
}

export function clearCookie(request: Request, response: Response, name: string, path: string, alwaysSecure: boolean): void {
  response.clearCookie(name, { httpOnly: true, secure: alwaysSecure || request.secure, sameSite: 'strict', path });
}
