import { graphqlRequest } from './graphql';
import { renewToken } from './session-renewal';
import type { Session } from './session-store';

export { readSession, saveSession, type Session } from './session-store';

const LOGIN = `mutation DesktopLogin($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken expiresAt user { id displayName role } }
}`;

const ME = `query DesktopMe { me { id displayName role } }`;

export async function login(graphqlUrl: string, email: string, password: string): Promise<Session> {
  const data = await graphqlRequest<{ login: { accessToken: string; expiresAt: string; user: Session['user'] } }>(
    graphqlUrl,
    LOGIN,
    { email, password },
  );
  return { token: data.login.accessToken, expiresAt: data.login.expiresAt, user: data.login.user };
}

/**
 * A session from the refresh cookie alone: after the sign-in at the identity provider, or
 * when the stored token has ended. Undefined when the cookie is refused or unreachable.
 */
export async function resumeSession(graphqlUrl: string): Promise<Session | undefined> {
  const renewal = await renewToken(graphqlUrl);
  if (renewal.status !== 'renewed') return undefined;
  const data = await graphqlRequest<{ me: Session['user'] }>(graphqlUrl, ME, {}, renewal.accessToken);
  return { token: renewal.accessToken, expiresAt: renewal.expiresAt, user: data.me };
}
