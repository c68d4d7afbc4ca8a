/** A browser's view of the refresh cookie, over real HTTP: what /auth/refresh and /auth/logout see. */
export interface CookieAnswer<T> {
  readonly status: number;
  readonly body: T;
  /** The session cookie's new value, '' when cleared, undefined when the answer did not touch it. */
  readonly cookie: string | undefined;
  readonly setCookie: readonly string[];
}

const COOKIE = 'pepite_session';

export function sessionCookieOf(setCookie: readonly string[]): string | undefined {
  const line = setCookie.find((value) => value.startsWith(`${COOKIE}=`));
  if (line === undefined) return undefined;
  return decodeURIComponent(line.slice(COOKIE.length + 1).split(';')[0] ?? '');
}

/** Signs in with a password through GraphQL, as the console does; returns the access token and the cookie. */
export async function passwordSignIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ accessToken: string; cookie: string; setCookie: readonly string[] }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      variables: { email, password },
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  const setCookie = response.headers.getSetCookie();
  const cookie = sessionCookieOf(setCookie);
  if (!cookie) throw new Error('login set no session cookie');
  return { accessToken: body.data.login.accessToken, cookie, setCookie };
}

/** POST /auth/<action> with the cookie and the app's header (both omitted on request, to test the refusals). */
export async function sessionPost<T = Record<string, unknown>>(
  baseUrl: string,
  action: 'refresh' | 'logout',
  cookie: string | null,
  options: { header?: boolean; origin?: string } = {},
): Promise<CookieAnswer<T>> {
  const headers: Record<string, string> = {};
  if (cookie !== null) headers['cookie'] = `${COOKIE}=${encodeURIComponent(cookie)}`;
  if (options.header !== false) headers['x-pepite-session'] = '1';
  if (options.origin) headers['origin'] = options.origin;
  const response = await fetch(`${baseUrl}/auth/${action}`, { method: 'POST', headers });
  const text = await response.text();
  const setCookie = response.headers.getSetCookie();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, cookie: sessionCookieOf(setCookie), setCookie };
}
