/** What a refresh token's row says about it, for the pure checks below. */
export interface RefreshTokenState {
  readonly familyStartedAt: Date;
  readonly issuedAt: Date;
  readonly replacedAt: Date | null;
  readonly revokedAt: Date | null;
}

export type RefreshVerdict = 'valid' | 'reused' | 'revoked' | 'expired' | 'idle';

/**
 * Whether a presented refresh token may be exchanged. A replaced token presented again is
 * `reused`: either a thief or the person holds a copy, so the caller revokes the family.
 * `lifetimeHours` bounds the whole sign-in; `idleMinutes` the gap since the last renewal.
 */
export function judgeRefreshToken(
  token: RefreshTokenState,
  now: Date,
  policy: { readonly lifetimeHours: number; readonly idleMinutes: number },
): RefreshVerdict {
  if (token.revokedAt) return 'revoked';
  if (token.replacedAt) return 'reused';
  if (now.getTime() >= token.familyStartedAt.getTime() + policy.lifetimeHours * 3_600_000) return 'expired';
  if (now.getTime() >= token.issuedAt.getTime() + policy.idleMinutes * 60_000) return 'idle';
  return 'valid';
}
