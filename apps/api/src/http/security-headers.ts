import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy of everything the API serves, the console at `/` and the
 * desktop at `/desktop/` included. Both are same-origin Vite bundles: scripts, styles,
 * fetches, SSE and graphql-ws all go to this origin ('self' covers ws: and wss: to it).
 * Inline styles stay allowed (React and recharts write style attributes on SVG); inline
 * scripts, eval, plugins, framing and foreign form targets do not.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]])),
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
};

/**
 * The headers helmet sets on a response (CSP included), as names and values, for answers
 * written before Express (the feed's fast path): asked of helmet itself, so that both
 * paths carry the same headers whatever helmet's version adds or drops.
 */
export function securityHeaderValues(): Record<string, string> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: unknown) => void headers.set(name, String(value)),
    removeHeader: (name: string) => void headers.delete(name),
  };
  let done = false;
  helmet(HELMET_OPTIONS)({} as never, response as never, () => (done = true));
  if (!done) throw new Error('helmet did not answer synchronously: the fast path cannot copy its headers');
  return Object.fromEntries(headers);
}

/**
 * helmet's security headers on every response (nosniff, frame denial, no referrer,
 * cross-origin opener and resource policies, HSTS, the CSP above), the development
 * GraphiQL included: it is bundled and served from this origin (http/graphiql-page.ts).
 */
export function securityHeaders() {
  return helmet(HELMET_OPTIONS);
}
