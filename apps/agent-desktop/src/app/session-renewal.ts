import { readSession, saveSession } from './session-store';

/**
 * Silent renewal of the desktop's access token with the refresh cookie (httpOnly,
 * SameSite=Strict, sent only to /auth on the API's origin, which serves the desktop).
 * Serialised across the tabs and the console of the origin by a Web Lock: two renewals
 * with one cookie would look like a stolen token and end the session.
 */
export type Renewal =
  | { readonly status: 'renewed'; readonly accessToken: string; readonly expiresAt: string }
  | { readonly status: 'ended' }
  | { readonly status: 'unreachable' };

const LOCK = 'pepite-session-renewal';
let inFlight: Promise<Renewal> | undefined;

export function authUrl(graphqlUrl: string, action: 'refresh' | 'logout'): string {
  return new URL(`/auth/${action}`, new URL(graphqlUrl, location.href)).toString();
}

/** A new access token; the stored session (if any) gets it. */
export function renewToken(graphqlUrl: string): Promise<Renewal> {
  inFlight ??= withLock(() => exchange(graphqlUrl)).finally(() => (inFlight = undefined));
  return inFlight;
}

export async function endServerSession(graphqlUrl: string): Promise<void> {
  await fetch(authUrl(graphqlUrl, 'logout'), { method: 'POST', headers: { 'x-pepite-session': '1' }, credentials: 'include' }).catch(
    () => undefined,
  );
}

async function exchange(graphqlUrl: string): Promise<Renewal> {
  let response: Response;
  try {
    response = await fetch(authUrl(graphqlUrl, 'refresh'), {
      method: 'POST',
      headers: { 'x-pepite-session': '1' },
      credentials: 'include',
    });
  } catch {
    return { status: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) return { status: 'ended' };
  if (!response.ok) return { status: 'unreachable' };
  const body = (await response.json().catch(() => null)) as { accessToken?: string; expiresAt?: string } | null;
  if (typeof body?.accessToken !== 'string' || typeof body.expiresAt !== 'string') return { status: 'unreachable' };
  const stored = readSession();
  if (stored) saveSession({ ...stored, token: body.accessToken, expiresAt: body.expiresAt });
  return { status: 'renewed', accessToken: body.accessToken, expiresAt: body.expiresAt };
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  // The lock is held until the task settles; its outcome is handed on as it is.
  return new Promise<T>((resolve, reject) => {
    void locks.request(LOCK, () => task().then(resolve, reject));
  });
}
