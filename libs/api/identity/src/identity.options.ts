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
  /** Refresh-token sessions (the cookie both apps renew their access tokens with). */
  readonly sessions?: SessionOptions;
  /** `PASSWORD_LOGIN`: off leaves password sign-in only to the break-glass admins. */
  readonly passwordLogin?: PasswordLoginOptions;
  /** Other origins whose pages may call /auth/refresh and /auth/logout (CORS_ORIGINS). */
  readonly trustedOrigins?: readonly string[];
  /** OpenID Connect sign-in; absent when `OIDC_ISSUER` is not set. */
  readonly oidc?: OidcOptions;
}

export interface SessionOptions {
  /** A sign-in's refresh tokens are refused this long after it, however active (a shift plus margin). */
  readonly lifetimeHours: number;
  /** A refresh token unused this long is refused (longer than a lunch break with the screen locked). */
  readonly idleMinutes: number;
  /** Secure cookies on every answer, not only over HTTPS (production). */
  readonly alwaysSecure: boolean;
}

export interface PasswordLoginOptions {
  readonly enabled: boolean;
  /** Normalised e-mails of the admins who may still sign in with a password when it is off. */
  readonly breakGlassEmails: readonly string[];
}

export interface OidcOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The API's /auth/oidc/callback as the provider sees it (registered there). */
  readonly redirectUri: string;
  readonly scopes: string;
  /** The ID-token or userinfo claim holding the groups (`groups`; `roles` for Entra app roles). */
  readonly groupsClaim: string;
  /** Plain-http issuer on loopback (development and tests only). */
  readonly allowHttp: boolean;
  /** What the sign-in button names: « Se connecter avec <name> ». */
  readonly providerName: string;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { lifetimeHours: 12, idleMinutes: 180, alwaysSecure: false };

export type RateLimitBucket = 'mutation' | 'filing';

export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
