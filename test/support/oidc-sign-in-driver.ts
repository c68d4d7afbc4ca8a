import { sessionCookieOf } from './session-client';

/** Cookies by origin, as a browser keeps them (name and value only: enough for these flows). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: string, setCookie: readonly string[]): void {
    const origin = new URL(url).origin;
    const cookies = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of setCookie) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.byOrigin.set(origin, cookies);
  }

  header(url: string): string {
    const cookies = this.byOrigin.get(new URL(url).origin) ?? new Map<string, string>();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function get(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
  jar.store(url, response.headers.getSetCookie());
  return response;
}

/** Starts a sign-in at the API: the provider's authorization URL, with the attempt cookie in the jar. */
export async function beginOidcSignIn(apiBase: string, jar: CookieJar, returnTo = '/'): Promise<URL> {
  const response = await get(jar, `${apiBase}/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  if (response.status !== 302) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location') ?? '');
}

/**
 * Goes through the provider's own login and consent pages (its development interactions)
 * as `subject`, and returns the URL the provider sends the browser back to (the API's
 * callback with code, state and iss), without following it.
 */
export async function throughProviderPages(jar: CookieJar, authorizationUrl: URL, subject: string, callbackPrefix: string): Promise<URL> {
  let url = authorizationUrl.toString();
  for (let step = 0; step < 12; step++) {
    const response = await get(jar, url);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', url).toString();
      if (next.startsWith(callbackPrefix)) return new URL(next);
      url = next;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) throw new Error(`provider page ${url} answered ${response.status}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt });
    const posted = await get(jar, new URL(action.replace(/&amp;/g, '&'), url).toString(), {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    url = new URL(posted.headers.get('location') ?? '', url).toString();
    if (url.startsWith(callbackPrefix)) return new URL(url);
  }
  throw new Error('the provider never sent the browser back');
}

export interface CallbackAnswer {
  readonly status: number;
  readonly location: string | null;
  readonly sessionCookie: string | undefined;
  readonly body: string;
}

/** The browser arriving back at the API's callback. */
export async function finishOidcSignIn(jar: CookieJar, callbackUrl: URL | string): Promise<CallbackAnswer> {
  const response = await get(jar, callbackUrl.toString());
  return {
    status: response.status,
    location: response.headers.get('location'),
    sessionCookie: sessionCookieOf(response.headers.getSetCookie()),
    body: await response.text(),
  };
}
