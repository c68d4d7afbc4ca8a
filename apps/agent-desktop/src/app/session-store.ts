export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: { readonly id: string; readonly displayName: string; readonly role: string };
}

/** localStorage, not sessionStorage: the desktop must start offline with the last session. */
const SESSION_KEY = 'pepite.desktop.session';

export function readSession(): Session | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return value && typeof value.token === 'string' && value.user ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}
