import { accessTokenSubject } from './access-token-claims';

describe('access token claims', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const at = (offsetSeconds: number) => Math.floor(now / 1000) + offsetSeconds;

  it('accepts a token issued now that expires later', () => {
    expect(accessTokenSubject({ sub: 'u1', iat: at(0), exp: at(3600) }, now)).toBe('u1');
  });

  it('tolerates an iat up to 60 s ahead (clock skew)', () => {
    expect(accessTokenSubject({ sub: 'u1', iat: at(60), exp: at(3600) }, now)).toBe('u1');
  });

  it('refuses a token without exp, without iat, issued in the future, expired or without subject', () => {
    expect(accessTokenSubject({ sub: 'u1', iat: at(0) }, now)).toBeNull();
    expect(accessTokenSubject({ sub: 'u1', exp: at(3600) }, now)).toBeNull();
    expect(accessTokenSubject({ sub: 'u1', iat: at(61), exp: at(3600) }, now)).toBeNull();
    expect(accessTokenSubject({ sub: 'u1', iat: at(-7200), exp: at(-3600) }, now)).toBeNull();
    expect(accessTokenSubject({ sub: 'u1', iat: at(0), exp: String(at(3600)) }, now)).toBeNull();
    expect(accessTokenSubject({ iat: at(0), exp: at(3600) }, now)).toBeNull();
    expect(accessTokenSubject(null, now)).toBeNull();
  });
});
