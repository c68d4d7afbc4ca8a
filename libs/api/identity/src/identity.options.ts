export interface IdentityOptions {
  /** HMAC secret of the access tokens (at least 32 characters). */
  readonly jwtSecret: string;
  readonly accessTokenTtlMinutes: number;
  readonly loginLimits: {
    readonly perAccount: number;
    readonly perAddress: number;
    readonly windowSeconds: number;
  };
  /**
   * Per signed-in user: `mutation` applies to every root mutation field; the other buckets to
   * the operations marked `@RateLimited(bucket)` (e.g. `filing` on filePepin).
   */
  readonly rateLimits?: Readonly<Record<RateLimitBucket, RateLimit>>;
}

export type RateLimitBucket = 'mutation' | 'filing';

export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
