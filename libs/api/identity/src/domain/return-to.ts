/**
 * The same-origin path to land on after a sign-in, or `/` when the value is anything else:
 * an absolute URL, a scheme-relative `//host`, a backslash trick (`/\host`, which browsers
 * read as `//host`), control characters, or an overly long value. No open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const resolved = new URL(value, 'http://pepite.invalid');
    if (resolved.origin !== 'http://pepite.invalid') return '/';
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return '/';
  }
}
