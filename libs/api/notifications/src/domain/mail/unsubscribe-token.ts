import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link turns off: one kind, or the whole daily digest. */
export const DIGEST_SCOPE = 'DIGEST';

export interface UnsubscribeScope {
  readonly userId: string;
  /** A notification kind, or `DIGEST_SCOPE`. */
  readonly scope: string;
}

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

/**
 * A link's token: who and what, signed, so that one click unsubscribes without signing in
 * (RFC 8058) and nobody can unsubscribe someone else by editing the link. It does not
 * expire: an old e-mail's link must still work.
 */
export function unsubscribeToken(secret: string, what: UnsubscribeScope): string {
  const payload = encode(JSON.stringify({ u: what.userId, s: what.scope }));
  return `${payload}.${signature(secret, payload)}`;
}

/** The scope a token names, or null when it is malformed or not signed by `secret`. */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeScope | null {
  const [payload, signed, extra] = token.split('.');
  if (!payload || !signed || extra !== undefined) return null;
  const expected = Buffer.from(signature(secret, payload));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; s?: unknown };
    if (typeof parsed.u !== 'string' || typeof parsed.s !== 'string') return null;
    return { userId: parsed.u, scope: parsed.s };
  } catch {
    return null;
  }
}
