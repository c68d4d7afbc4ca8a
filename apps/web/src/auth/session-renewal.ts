/**
 * The console's access token and its silent renewal. The token (one hour) lives in session
 * storage; the refresh cookie (httpOnly, SameSite=Strict, sent only to /auth) renews it a
 * minute before it ends, on any UNAUTHENTICATED answer, and when a tab opens without one.
 * Renewals are serialised across every tab of the origin (Web Locks): two tabs presenting
 * the same cookie at once would look like a stolen token and end the session.
 */
export const TOKEN_KEY = 'pepite.console.token';
const EXPIRES_KEY = 'pepite.console.expiresAt';
const LOCK = 'pepite-session-renewal';
/** Renew this long before the token ends. */
const AHEAD_MS = 60_000;

export type Renewal = { readonly status: 'renewed'; readonly token: string } | { readonly status: 'ended' } | { readonly status: 'unreachable' };

export function readToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string, expiresAt: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(EXPIRES_KEY, expiresAt);
  scheduleRenewal();
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

/** Whether the token ends within the renewal margin (or is unknown). */
export function tokenEndingSoon(): boolean {
  const expiresAt = Date.parse(sessionStorage.getItem(EXPIRES_KEY) ?? '');
  return Number.isNaN(expiresAt) || expiresAt - Date.now() <= AHEAD_MS;
}

let inFlight: Promise<Renewal> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
const endedListeners = new Set<() => void>();

/** Called when the server says the session is over (not when it is unreachable). */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

/** One renewal at a time in this tab, and across tabs through the lock. */
export function renewSession(): Promise<Renewal> {
  inFlight ??= withLock(() => exchange()).finally(() => (inFlight = undefined));
  return inFlight;
}

/** Ends the session at the API (the cookie's whole family) and here. */
export async function endSession(): Promise<void> {
  forgetToken();
  await fetch('/auth/logout', { method: 'POST', headers: { 'x-pepite-session': '1' }, credentials: 'same-origin' }).catch(() => undefined);
}

/** Arms the renewal timer for the stored token (at sign-in, at each renewal, and when a page loads with a token). */
export function scheduleRenewal(): void {
  if (timer !== undefined) clearTimeout(timer);
  const expiresAt = Date.parse(sessionStorage.getItem(EXPIRES_KEY) ?? '');
  if (Number.isNaN(expiresAt)) return;
  timer = setTimeout(() => void renewSession(), Math.max(0, expiresAt - Date.now() - AHEAD_MS));
}

async function exchange(): Promise<Renewal> {
  let response: Response;
  try {
    response = await fetch('/auth/refresh', { method: 'POST', headers: { 'x-pepite-session': '1' }, credentials: 'same-origin' });
  } catch {
    // Offline for a moment: keep what we have, try again shortly.
    return unreachable();
  }
  if (response.ok) {
    const body = (await response.json().catch(() => null)) as { accessToken?: string; expiresAt?: string } | null;
    if (typeof body?.accessToken !== 'string' || typeof body.expiresAt !== 'string') return unreachable();
    storeToken(body.accessToken, body.expiresAt);
    return { status: 'renewed', token: body.accessToken };
  }
  if (response.status === 401 || response.status === 403) {
    const hadToken = readToken() !== null;
    forgetToken();
    if (hadToken) for (const listener of endedListeners) listener();
    return { status: 'ended' };
  }
  return unreachable();
}

function unreachable(): Renewal {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => void renewSession(), 30_000);
  return { status: 'unreachable' };
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  // The lock is held until the task settles; its outcome is handed on as it is.
  return new Promise<T>((resolve, reject) => {
    void locks.request(LOCK, () => task().then(resolve, reject));
  });
}
