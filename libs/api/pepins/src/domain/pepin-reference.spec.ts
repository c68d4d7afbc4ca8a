import { pepinNumberOf, pepinReference } from './pepin-reference';

describe('pépin references', () => {
  it('pads to six digits, and grows beyond', () => {
    expect(pepinReference('123')).toBe('PEP-000123');
    expect(pepinReference(1)).toBe('PEP-000001');
    expect(pepinReference(1234567n)).toBe('PEP-1234567');
  });

  it('refuses what is not a pépin number', () => {
    expect(() => pepinReference(0)).toThrow();
    expect(() => pepinReference('12a')).toThrow();
  });

  it('reads a reference back', () => {
    expect(pepinNumberOf('PEP-000123')).toBe('123');
    expect(pepinNumberOf(' pep-1234567 ')).toBe('1234567');
    expect(pepinNumberOf('PEP-123')).toBeNull();
    expect(pepinNumberOf('PEP-000000')).toBeNull();
  });
});
