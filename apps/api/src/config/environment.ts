import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MinLength, validateSync } from 'class-validator';
import { ConfigurationError } from './configuration-error';
import { ReturnPathSettings } from './return-path-settings';
import { BooleanSetting, IntSetting } from './setting-decorators';
import { checkSingleSignOn } from './single-sign-on-settings';

/**
 * Every setting the API reads, validated once at start. Defaults suit a developer's
 * machine; production refuses to start without the secrets.
 */
export class Environment extends ReturnPathSettings {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: '$property must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  PEPITE_DATA_DIR = '.data';

  @BooleanSetting()
  PEPITE_DEMO = false;

  @IsOptional()
  @MinLength(32, { message: '$property must be at least 32 characters' })
  JWT_SECRET?: string;

  @IntSetting(1, 1440)
  ACCESS_TOKEN_TTL_MINUTES = 60;

  @IntSetting(1)
  LOGIN_LIMIT_PER_ACCOUNT = 10;

  @IntSetting(1)
  LOGIN_LIMIT_PER_ADDRESS = 300;

  @IntSetting(1)
  LOGIN_LIMIT_WINDOW_SECONDS = 900;

  /** Longest progressive delay of a login attempt on an account that keeps failing. */
  @IntSetting(0, 60000)
  LOGIN_DELAY_MAX_MS = 5000;

  /** Redis for the shared rate limits (`redis://` or `rediss://`); unset: PostgreSQL counts them. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: '$property must be a redis:// URL' })
  REDIS_URL?: string;

  /** Mutations one signed-in user may send per window (each root field counts, aliases included). */
  @IntSetting(1)
  MUTATION_LIMIT_PER_USER = 120;

  @IntSetting(1)
  MUTATION_LIMIT_WINDOW_SECONDS = 60;

  /** Pépins one operator may file per window. */
  @IntSetting(1)
  FILING_LIMIT_PER_OPERATOR = 20;

  @IntSetting(1)
  FILING_LIMIT_WINDOW_SECONDS = 3600;

  /** GraphQL: deepest field nesting an operation may have. */
  @IntSetting(2, 100)
  GRAPHQL_MAX_DEPTH = 10;

  /** GraphQL: aliases an operation may use. */
  @IntSetting(0, 1000)
  GRAPHQL_MAX_ALIASES = 15;

  /** GraphQL: highest estimated cost of an operation (1 a field, lists times their `first`). */
  @IntSetting(10)
  GRAPHQL_MAX_COST = 10000;

  /** GraphQL: tokens a document may have (the parser stops beyond). */
  @IntSetting(100, 1000000)
  GRAPHQL_MAX_TOKENS = 5000;

  /** How often a graphql-ws connection's token and account are checked again (expiry, deactivation elsewhere). */
  @IntSetting(1, 3600)
  SUBSCRIPTION_REAUTH_SECONDS = 30;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*)$/, {
    message: '$property must be * or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Prometheus metrics on their own port (never the API's public one); unset: off. */
  @IsOptional()
  @IntSetting(0, 65535)
  METRICS_PORT?: number;

  /** Where the metrics port listens: loopback unless the scraper is elsewhere. */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  /** OpenTelemetry traces (HTTP, PostgreSQL, GraphQL) go to this OTLP endpoint; unset: no tracing. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: '$property must be an http(s):// URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IntSetting(1, 200)
  DB_POOL_SIZE = 10;

  @IntSetting(1, 300)
  SHUTDOWN_GRACE_SECONDS = 15;

  /** Built web console (vite output) to serve at `/`; unset: the API serves no pages. */
  @IsOptional()
  @IsString()
  WEB_CONSOLE_DIR?: string;

  /** Built reference agent desktop to serve at `/desktop/`. */
  @IsOptional()
  @IsString()
  AGENT_DESKTOP_DIR?: string;

  /** Ed25519 private key (PKCS#8 PEM) that signs releases; or a file holding it. */
  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/, { message: '$property must be a PKCS#8 PEM private key' })
  RULEBOOK_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  RULEBOOK_SIGNING_KEY_FILE?: string;

  /** Key rotation: the previous signing keys' public halves (PEM blocks, or base64 SPKI, comma-separated), served by /public-key. */
  @IsOptional()
  @IsString()
  RULEBOOK_PREVIOUS_PUBLIC_KEYS?: string;

  @BooleanSetting()
  RULEBOOK_FEED_PUBLIC = false;

  @IntSetting(1, 300)
  RULEBOOK_SSE_HEARTBEAT_SECONDS = 15;

  @IntSetting(100, 600000)
  RULEBOOK_SSE_RETRY_MS = 3000;

  /** Whether this instance runs the durable job workers (scheduled releases, deadlines). */
  @BooleanSetting()
  JOBS_ENABLED = true;

  /** How often an idle worker looks for due jobs. */
  @IntSetting(1, 60)
  JOBS_POLL_SECONDS = 2;

  /** How often the job queue's maintenance runs (across instances): it re-runs jobs whose instance died mid-job, once they expire. */
  @IntSetting(1, 3600)
  JOBS_MAINTENANCE_SECONDS = 120;

  /** SMTP relay for e-mail (`smtp://user:pass@host:587`, `smtps://…`); unset: no e-mail, except `.eml` files in development. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: '$property must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From header of e-mails. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Pépite <pepite@localhost>';

  /** The console's public origin, for links in e-mails (default: http://localhost:PORT). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: '$property must be an http(s):// URL' })
  PUBLIC_URL?: string;

  /** IP addresses and networks (comma-separated, e.g. `10.20.0.0/16,127.0.0.1`) webhooks may call although internal. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F:.]+(\/\d{1,3})?(,[0-9a-fA-F:.]+(\/\d{1,3})?)*$/, {
    message: '$property must be comma-separated IP addresses or networks (a.b.c.d/n)',
  })
  WEBHOOK_ALLOWED_TARGETS?: string;

  /** `npm start` only: the local receiver the demo registers a webhook for (tools/demo-webhook-receiver.mjs). */
  @IsOptional()
  @Matches(/^http:\/\/127\.0\.0\.1:\d{1,5}\/\S*$/, { message: '$property must be an http://127.0.0.1:PORT/ URL' })
  PEPITE_DEMO_WEBHOOK_URL?: string;

  /** A webhook delivery's first retry waits this long; each next one twice as long. */
  @IntSetting(1, 3600)
  WEBHOOK_RETRY_DELAY_SECONDS = 30;

  /** Attempts of one webhook delivery before it is given up. */
  @IntSetting(1, 20)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** Failed attempts in a row after which a webhook is disabled and the admins told. */
  @IntSetting(1, 1000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 20;

  /** How long a webhook receiver has to answer. */
  @IntSetting(100, 60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  /** Four eyes: refuse to publish a proposal whose only author is the publisher. */
  @BooleanSetting()
  PUBLICATION_FOUR_EYES = true;
}

export { ConfigurationError };

/** Settings without a default (so not listed by `new Environment()`). */
const OPTIONAL_SETTINGS = [
  'PASSWORD_BREAK_GLASS_ADMINS',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_PROVIDER_NAME',
];

/** Parses and validates the environment; throws one line naming the first bad variable. */
export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const known = Object.keys(new Environment());
  const raw: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'REDIS_URL',
    'JWT_SECRET',
    'CORS_ORIGINS',
    'TRUST_PROXY',
    'RULEBOOK_SIGNING_KEY',
    'RULEBOOK_SIGNING_KEY_FILE',
    'RULEBOOK_PREVIOUS_PUBLIC_KEYS',
    'WEB_CONSOLE_DIR',
    'AGENT_DESKTOP_DIR',
    'METRICS_PORT',
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'SMTP_URL',
    'PUBLIC_URL',
    'WEBHOOK_ALLOWED_TARGETS',
    'PEPITE_DEMO_WEBHOOK_URL',
    ...OPTIONAL_SETTINGS,
  ]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { skipMissingProperties: false });
  const first = errors[0];
  if (first) {
    // A non-number fails every numeric bound too; say what is wrong first, not a bound.
    const constraints = first.constraints ?? {};
    const reason = constraints['isInt'] ?? Object.values(constraints)[0] ?? 'is invalid';
    const shown = /SECRET|SIGNING_KEY$|REDIS_URL|SMTP_URL/.test(first.property)
      ? ''
      : ` (got ${JSON.stringify(raw[first.property] ?? null)})`;
    throw new ConfigurationError(`${first.property} ${reason.replace(/^\S+\s/, '')}${shown}`);
  }
  if (parsed.NODE_ENV === 'production' && parsed.PEPITE_DEMO) {
    throw new ConfigurationError('PEPITE_DEMO must be off in production (the demo accounts have a published password)');
  }
  if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
    throw new ConfigurationError('JWT_SECRET must be set in production (at least 32 characters)');
  }
  if (parsed.NODE_ENV === 'production' && !parsed.RULEBOOK_SIGNING_KEY && !parsed.RULEBOOK_SIGNING_KEY_FILE) {
    throw new ConfigurationError(
      'RULEBOOK_SIGNING_KEY or RULEBOOK_SIGNING_KEY_FILE must be set in production (an Ed25519 PKCS#8 PEM key)',
    );
  }
  checkSingleSignOn(parsed);
  return parsed;
}
