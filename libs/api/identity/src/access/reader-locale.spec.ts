import { describe, expect, it } from '@jest/globals';
import { preferredLocale } from './reader-locale.decorator';

describe('preferredLocale (the reader language from Accept-Language)', () => {
  it('follows the quality values, whatever the order', () => {
    expect(preferredLocale('fr;q=0.2, en;q=0.9')).toBe('en');
    expect(preferredLocale('en;q=0.5, fr')).toBe('fr');
  });

  it('reads a regional tag as its language; on a tie the header’s order decides', () => {
    expect(preferredLocale('en-GB')).toBe('en');
    expect(preferredLocale('fr-CA,en-US')).toBe('fr');
    expect(preferredLocale('en, fr')).toBe('en');
  });

  it('does not take a wildcard for a choice (fetch sends "*" when nothing is set)', () => {
    expect(preferredLocale('*')).toBeNull();
    expect(preferredLocale('de, *;q=0.5')).toBeNull();
    expect(preferredLocale('*, en;q=0.5')).toBe('en');
  });

  it('names neither language: null, so the account’s choice applies', () => {
    expect(preferredLocale(undefined)).toBeNull();
    expect(preferredLocale('')).toBeNull();
    expect(preferredLocale('de-DE, it;q=0.8')).toBeNull();
    expect(preferredLocale('en;q=0, de')).toBeNull();
  });

  it('takes a header sent twice as one list', () => {
    expect(preferredLocale(['de', 'en;q=0.7'])).toBe('en');
  });
});
