import { canonicalTimeZone } from './time-zone';

describe('canonicalTimeZone', () => {
  it('accepts IANA names and returns their canonical spelling', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone(' europe/lisbon ')).toBe('Europe/Lisbon');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses unknown names, empty text and raw offsets', () => {
    expect(canonicalTimeZone('Europe/Atlantis')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone('+01:00')).toBeNull();
  });
});
