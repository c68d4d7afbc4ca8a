export interface IdentityOptions {
  /** HMAC secret of the access tokens (at least 32 characters). */
  readonly jwtSecret: string;
  readonly accessTokenTtlMinutes: number;
  readonly loginLimits: {
    /** Consecutive failures of one account from one address before that pair is refused. */
    readonly perAccount: number;
    /** Attempts from one address, whatever the account. */
    readonly perAddress: number;
    readonly windowSeconds: number;
    /** Longest progressive delay of an attempt on an account under attack. */
    readonly maxDelayMs: number;
  };
  /** Where the limits are counted, once for every instance: PostgreSQL, or Redis when set. */
  readonly limitStore: { readonly databaseUrl: string; readonly redisUrl?: string };
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
