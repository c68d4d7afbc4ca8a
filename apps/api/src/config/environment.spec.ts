import { ConfigurationError, readEnvironment } from './environment';

describe('configuration from the environment', () => {
  it('has defaults that run on a developer machine', () => {
    const env = readEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      PEPITE_DATA_DIR: '.data',
      PEPITE_DEMO: false,
      ACCESS_TOKEN_TTL_MINUTES: 60,
    });
  });

  it('parses numbers and booleans', () => {
    expect(readEnvironment({ PORT: '8080', PEPITE_DEMO: '1', LOGIN_LIMIT_PER_ACCOUNT: '5' })).toMatchObject({
      PORT: 8080,
      PEPITE_DEMO: true,
      LOGIN_LIMIT_PER_ACCOUNT: 5,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer number \(got "abc"\)$/],
    [{ PORT: '70000' }, /^PORT must not be greater than 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ CORS_ORIGINS: 'not a url' }, /^CORS_ORIGINS must be \*/],
    [{ METRICS_PORT: 'nine' }, /^METRICS_PORT must be an integer number \(got "nine"\)$/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /^OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\):\/\/ URL/],
  ])('names the bad variable in one line: %p', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(ConfigurationError);
    expect(() => readEnvironment(env)).toThrow(message);
  });

  it('keeps metrics and traces off unless asked, the metrics port on loopback', () => {
    const defaults = readEnvironment({});
    expect([defaults.METRICS_PORT, defaults.METRICS_HOST, defaults.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([
      undefined,
      '127.0.0.1',
      undefined,
    ]);
    expect(
      readEnvironment({ METRICS_PORT: '9464', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }),
    ).toMatchObject({
      METRICS_PORT: 9464,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
  });

  it('has the abuse and GraphQL limits of the security issue by default, each adjustable', () => {
    expect(readEnvironment({})).toMatchObject({
      MUTATION_LIMIT_PER_USER: 120,
      MUTATION_LIMIT_WINDOW_SECONDS: 60,
      FILING_LIMIT_PER_OPERATOR: 20,
      FILING_LIMIT_WINDOW_SECONDS: 3600,
      GRAPHQL_MAX_DEPTH: 10,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_COST: 10000,
      GRAPHQL_MAX_TOKENS: 5000,
      SUBSCRIPTION_REAUTH_SECONDS: 30,
    });
    expect(readEnvironment({ GRAPHQL_MAX_DEPTH: '12', FILING_LIMIT_PER_OPERATOR: '5' })).toMatchObject({
      GRAPHQL_MAX_DEPTH: 12,
      FILING_LIMIT_PER_OPERATOR: 5,
    });
    expect(() => readEnvironment({ GRAPHQL_MAX_DEPTH: '1' })).toThrow(/^GRAPHQL_MAX_DEPTH must not be less than 2/);
    expect(() => readEnvironment({ MUTATION_LIMIT_PER_USER: '0' })).toThrow(
      /^MUTATION_LIMIT_PER_USER must not be less than 1/,
    );
  });

  it('never echoes a secret and demands one in production', () => {
    expect(() => readEnvironment({ JWT_SECRET: 'short-secret' })).toThrow(
      /^JWT_SECRET must be at least 32 characters$/,
    );
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET must be set in production/);
  });

  it('refuses the demo accounts (published password) in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production', PEPITE_DEMO: '1', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /^PEPITE_DEMO must be off in production/,
    );
    expect(readEnvironment({ NODE_ENV: 'test', PEPITE_DEMO: 'on' }).PEPITE_DEMO).toBe(true);
  });

  it('takes a Redis URL for the shared limits and never echoes it (it may hold a password)', () => {
    expect(readEnvironment({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(() => readEnvironment({ REDIS_URL: 'http://user:hunter2@x' })).toThrow(
      /^REDIS_URL must be a redis:\/\/ URL$/,
    );
  });
});

describe('single sign-on and session settings', () => {
  const oidc = {
    OIDC_ISSUER: 'https://login.example.com/tenant/v2.0',
    OIDC_CLIENT_ID: 'pepite',
    OIDC_CLIENT_SECRET: 'a-secret',
    OIDC_REDIRECT_URI: 'https://pepite.example/auth/oidc/callback',
  };

  it('has session defaults that fit a 10-hour shift and a lunch break', () => {
    expect(readEnvironment({})).toMatchObject({
      SESSION_LIFETIME_HOURS: 12,
      SESSION_IDLE_MINUTES: 180,
      PASSWORD_LOGIN: 'on',
      OIDC_SCOPES: 'openid profile email',
      OIDC_GROUPS_CLAIM: 'groups',
    });
    expect(readEnvironment(oidc)).toMatchObject(oidc);
  });

  it.each([
    [{ OIDC_ISSUER: 'not a url' }, /^OIDC_ISSUER must be an http\(s\) URL/],
    [{ ...oidc, OIDC_CLIENT_SECRET: '' }, /^OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is$/],
    [
      { ...oidc, OIDC_REDIRECT_URI: 'https://pepite.example/callback' },
      /^OIDC_REDIRECT_URI must be the absolute URL of \/auth\/oidc\/callback/,
    ],
    [{ ...oidc, OIDC_ISSUER: 'http://login.example.com' }, /^OIDC_ISSUER must be an https URL/],
    [
      { ...oidc, OIDC_ISSUER: 'http://login.example.com', OIDC_ALLOW_HTTP: '1' },
      /^OIDC_ISSUER must be an https URL .*loopback/,
    ],
    [
      {
        ...oidc,
        OIDC_ALLOW_HTTP: '1',
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        RULEBOOK_SIGNING_KEY_FILE: '/k',
      },
      /^OIDC_ALLOW_HTTP must be off in production/,
    ],
    [{ ...oidc, OIDC_SCOPES: 'profile email' }, /^OIDC_SCOPES must include openid/],
    [{ PASSWORD_LOGIN: 'off' }, /^PASSWORD_LOGIN=off needs OIDC_ISSUER/],
    [{ PASSWORD_LOGIN: 'no' }, /^PASSWORD_LOGIN /],
    [
      { PASSWORD_BREAK_GLASS_ADMINS: 'not-an-address' },
      /^PASSWORD_BREAK_GLASS_ADMINS must be a comma-separated list of e-mail addresses/,
    ],
    [{ SESSION_IDLE_MINUTES: '1' }, /^SESSION_IDLE_MINUTES must not be less than 5/],
  ])('refuses a bad single sign-on setting in one line: %p', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(ConfigurationError);
    expect(() => readEnvironment(env)).toThrow(message);
  });

  it('accepts a plain-http issuer on loopback for development and tests, and never shows the secret', () => {
    expect(
      readEnvironment({
        ...oidc,
        OIDC_ISSUER: 'http://127.0.0.1:8080',
        OIDC_REDIRECT_URI: 'http://localhost:3000/auth/oidc/callback',
        OIDC_ALLOW_HTTP: '1',
      }),
    ).toMatchObject({ OIDC_ALLOW_HTTP: true });
    expect(() => readEnvironment({ ...oidc, OIDC_CLIENT_SECRET: '' })).not.toThrow(/a-secret/);
  });
});
