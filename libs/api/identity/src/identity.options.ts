export interface IdentityOptions {
  /** HMAC secret of the access tokens (at least 32 characters). */
  readonly jwtSecret: string;
  readonly accessTokenTtlMinutes: number;
  readonly loginLimits: {
    readonly perAccount: number;
    readonly perAddress: number;
    readonly windowSeconds: number;
  };
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
