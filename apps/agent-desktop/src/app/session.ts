import { graphqlRequest } from './graphql';

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

const LOGIN = `mutation DesktopLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken expiresAt user { id displayName role } }
}`;

export async function login(graphqlUrl: string, email: string, password: string): Promise<Session> {
  const data = await graphqlRequest<{ login: { accessToken: string; expiresAt: string; user: Session['user'] } }>(
    graphqlUrl,
    LOGIN,
    { email, password },
  );
  return { token: data.login.accessToken, expiresAt: data.login.expiresAt, user: data.login.user };
}
