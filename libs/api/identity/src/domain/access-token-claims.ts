/** Who a Pépite access token is for: checked with the signature, by every path that reads a token. */
export const ACCESS_TOKEN_AUDIENCE = 'pepite-api';

/** How far ahead of this server's clock a token's `iat` may be (another instance's clock drifting). */
export const ACCESS_TOKEN_CLOCK_SKEW_SECONDS = 60;

/**
 * The user id of a token whose signature and audience are already verified, or null when
 * its times make it unusable. A correctly signed token without `exp` would never expire, and
 * one issued in the future was not issued by this API (its clock is the reference), so both
 * are refused, like an expired one. Pure: the HTTP guard, graphql-ws and any fast path call
 * it through `AccessTokenService.verify`, or directly after their own signature check.
 */
export function accessTokenSubject(claims: unknown, nowMs: number): string | null {
  if (!claims || typeof claims !== 'object') return null;
  const { sub, exp, iat } = claims as { sub?: unknown; exp?: unknown; iat?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) return null;
  if (!isSeconds(exp) || !isSeconds(iat)) return null;
  if (exp * 1000 <= nowMs) return null;
  if (iat * 1000 > nowMs + ACCESS_TOKEN_CLOCK_SKEW_SECONDS * 1000) return null;
  if (iat > exp) return null;
  return sub;
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
