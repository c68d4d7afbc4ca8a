import { ConfigurationError, readEnvironment } from './environment';

describe('configuration from the environment', () => {
  it('has defaults that run on a developer machine', () => {
    const env = readEnvironment({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, PEPITE_DATA_DIR: '.data', PEPITE_DEMO: false, ACCESS_TOKEN_TTL_MINUTES: 60 });
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
  ])('names the bad variable in one line: %p', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(ConfigurationError);
    expect(() => readEnvironment(env)).toThrow(message);
  });

  it('never echoes a secret and demands one in production', () => {
    expect(() => readEnvironment({ JWT_SECRET: 'short-secret' })).toThrow(/^JWT_SECRET must be at least 32 characters$/);
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(/^JWT_SECRET must be set in production/);
  });
});
