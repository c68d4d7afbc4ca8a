import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { IdentityOptions } from '@pepite/api/identity';
import type { MailOptions } from '@pepite/api/notifications';
import type { WebhooksOptions } from '@pepite/api/webhooks';
import type { RulebookOptions } from '@pepite/api/rulebook';
import type { Environment } from './environment';
import { localSecret } from './local-secret';
import { previousPublicKeys, rulebookSigningKey } from './signing-key';

export interface GraphqlLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly maxTokens: number;
}

/** The settings the composition root hands to the modules, derived from the environment. */
export interface ApiConfig {
  readonly env: Environment['NODE_ENV'];
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly demo: boolean;
  /** The demo's own webhook receiver, started by `npm start` (none otherwise). */
  readonly demoWebhookUrl?: string;
  readonly logLevel: string;
  readonly corsOrigins: readonly string[] | '*';
  readonly trustProxy?: string;
  readonly dbPoolSize: number;
  readonly shutdownGraceSeconds: number;
  /** What one GraphQL operation may ask for (see graphql/query-limits.ts). */
  readonly graphqlLimits: GraphqlLimits;
  /** How often a graphql-ws connection's token and account are checked again. */
  readonly subscriptionReauthSeconds: number;
  /** The identity context's options, less where limits are counted (known once the database is). */
  readonly identity: Omit<IdentityOptions, 'limitStore'>;
  /** Redis for the shared rate limits; unset: they are counted in PostgreSQL. */
  readonly redisUrl?: string;
  readonly rulebook: RulebookOptions;
  readonly jobs: {
    readonly runWorkers: boolean;
    readonly pollingIntervalSeconds: number;
    readonly maintenanceIntervalSeconds: number;
  };
  readonly publication: { readonly fourEyes: boolean };
  readonly returnPath: {
    readonly staleDesktopHours: number;
    readonly desktopStatusRetentionDays: number;
    readonly searchGapRetentionDays: number;
    readonly acknowledgementRetentionDays: number;
    readonly searchGapMinDays: number;
    readonly searchGapMinSearches: number;
  };
  /** E-mail: the relay, or `.eml` files in development, or off. */
  readonly mail: MailOptions;
  /** Outgoing webhooks: retries, disabling, the internal addresses they may call. */
  readonly webhooks: WebhooksOptions;
  /** Built browser apps the API serves itself (same origin: no CORS to configure). */
  readonly staticApps: { readonly consoleDir?: string; readonly desktopDir?: string };
  /** Prometheus metrics listener (unset port: off). */
  readonly metrics: { readonly port?: number; readonly host: string };
}

export async function apiConfigFrom(env: Environment, warn: (message: string) => void): Promise<ApiConfig> {
  const dataDir = path.resolve(env.PEPITE_DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? (await localSecret(dataDir, 'jwt-secret', warn));
  return {
    env: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    demo: env.PEPITE_DEMO,
    demoWebhookUrl: env.PEPITE_DEMO_WEBHOOK_URL,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS === '*' ? '*' : (env.CORS_ORIGINS?.split(',') ?? []),
    trustProxy: env.TRUST_PROXY,
    dbPoolSize: env.DB_POOL_SIZE,
    shutdownGraceSeconds: env.SHUTDOWN_GRACE_SECONDS,
    graphqlLimits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
    },
    subscriptionReauthSeconds: env.SUBSCRIPTION_REAUTH_SECONDS,
    identity: {
      jwtSecret,
      accessTokenTtlMinutes: env.ACCESS_TOKEN_TTL_MINUTES,
      loginLimits: {
        perAccount: env.LOGIN_LIMIT_PER_ACCOUNT,
        perAddress: env.LOGIN_LIMIT_PER_ADDRESS,
        windowSeconds: env.LOGIN_LIMIT_WINDOW_SECONDS,
        maxDelayMs: env.LOGIN_DELAY_MAX_MS,
      },
      sessions: {
        lifetimeHours: env.SESSION_LIFETIME_HOURS,
        idleMinutes: env.SESSION_IDLE_MINUTES,
        alwaysSecure: env.NODE_ENV === 'production',
      },
      passwordLogin: {
        enabled: env.PASSWORD_LOGIN === 'on',
        breakGlassEmails: (env.PASSWORD_BREAK_GLASS_ADMINS ?? '')
          .split(',')
          .map((email) => email.trim().toLowerCase())
          .filter((email) => email.length > 0),
      },
      trustedOrigins: env.CORS_ORIGINS && env.CORS_ORIGINS !== '*' ? env.CORS_ORIGINS.split(',') : [],
      oidc: oidcOptions(env),
      rateLimits: {
        mutation: { limit: env.MUTATION_LIMIT_PER_USER, windowSeconds: env.MUTATION_LIMIT_WINDOW_SECONDS },
        filing: { limit: env.FILING_LIMIT_PER_OPERATOR, windowSeconds: env.FILING_LIMIT_WINDOW_SECONDS },
      },
    },
    rulebook: {
      signingKey: await rulebookSigningKey(env, dataDir, warn),
      previousPublicKeys: previousPublicKeys(env.RULEBOOK_PREVIOUS_PUBLIC_KEYS),
      publicFeed: env.RULEBOOK_FEED_PUBLIC,
      sseHeartbeatSeconds: env.RULEBOOK_SSE_HEARTBEAT_SECONDS,
      sseRetryMilliseconds: env.RULEBOOK_SSE_RETRY_MS,
    },
    jobs: {
      runWorkers: env.JOBS_ENABLED,
      pollingIntervalSeconds: env.JOBS_POLL_SECONDS,
      maintenanceIntervalSeconds: env.JOBS_MAINTENANCE_SECONDS,
    },
    publication: { fourEyes: env.PUBLICATION_FOUR_EYES },
    returnPath: {
      staleDesktopHours: env.DESKTOP_STALE_HOURS,
      desktopStatusRetentionDays: env.DESKTOP_STATUS_RETENTION_DAYS,
      searchGapRetentionDays: env.SEARCH_GAP_RETENTION_DAYS,
      acknowledgementRetentionDays: env.ACKNOWLEDGEMENT_RETENTION_DAYS,
      searchGapMinDays: env.SEARCH_GAP_MIN_DAYS,
      searchGapMinSearches: env.SEARCH_GAP_MIN_SEARCHES,
    },
    webhooks: {
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      allowedTargets: env.WEBHOOK_ALLOWED_TARGETS?.split(',') ?? [],
      retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
    mail: {
      smtpUrl: env.SMTP_URL,
      // Without a relay, a developer (and `npm start`) still sees every e-mail, as files.
      outboxDir: env.NODE_ENV === 'development' ? path.join(dataDir, 'mail') : undefined,
      from: env.MAIL_FROM,
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      // Its own key, derived: an unsubscribe token can never pass for an access token.
      unsubscribeSecret: createHmac('sha256', jwtSecret).update('pepite mail unsubscribe').digest('base64url'),
    },
    staticApps: {
      consoleDir: env.WEB_CONSOLE_DIR && path.resolve(env.WEB_CONSOLE_DIR),
      desktopDir: env.AGENT_DESKTOP_DIR && path.resolve(env.AGENT_DESKTOP_DIR),
    },
    metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST },
  };
}

function oidcOptions(env: Environment): IdentityOptions['oidc'] {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_REDIRECT_URI) return undefined;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: env.OIDC_REDIRECT_URI,
    scopes: env.OIDC_SCOPES,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    allowHttp: env.OIDC_ALLOW_HTTP,
    providerName: env.OIDC_PROVIDER_NAME ?? new URL(env.OIDC_ISSUER).hostname,
  };
}
