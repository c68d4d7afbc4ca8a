import { matchesEtag, negotiateEncoding } from './content-encoding';

describe('feed content negotiation (RFC 9110 §12.5.3, by negotiator)', () => {
  it('lets the client’s q-values decide, brotli then gzip among equals', () => {
    expect(negotiateEncoding('br;q=0.1, gzip;q=1')).toBe('gzip');
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip;q=0.8, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('GZIP')).toBe('gzip');
  });

  it('falls back to identity unless identity is excluded, and then finds nothing', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('')).toBe('identity');
    expect(negotiateEncoding('identity')).toBe('identity');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding('identity;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity;q=0')).toBeUndefined();
    expect(negotiateEncoding('*;q=0')).toBeUndefined();
    expect(negotiateEncoding('deflate, identity;q=0')).toBeUndefined();
  });

  it('negotiates only among what the release has stored (brotli comes after the commit)', () => {
    const beforeBrotli = ['gzip', 'identity'] as const;
    expect(negotiateEncoding('gzip, deflate, br', beforeBrotli)).toBe('gzip');
    expect(negotiateEncoding('br;q=1, gzip;q=0.5', beforeBrotli)).toBe('gzip');
    expect(negotiateEncoding('br', beforeBrotli)).toBe('identity');
    expect(negotiateEncoding('br, gzip;q=0', beforeBrotli)).toBe('identity');
    expect(negotiateEncoding('br, identity;q=0', beforeBrotli)).toBeUndefined();
    expect(negotiateEncoding('*', beforeBrotli)).toBe('gzip');
  });

  it('matches a listed, weak or wildcard entity tag and nothing else', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
