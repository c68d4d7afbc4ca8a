import { normaliseSearchGap } from './search-gap';

describe('normaliseSearchGap', () => {
  it('folds case, accents and punctuation', () => {
    expect(normaliseSearchGap('  Résiliation   DÉCÈS, héritier ? ')).toBe('resiliation deces heritier');
  });

  it('keeps no phone, account number nor e-mail address', () => {
    expect(normaliseSearchGap('remboursement 06 12 34 56 78')).toBe('remboursement #');
    expect(normaliseSearchGap('client jean.dupont@example.fr litige')).toBe('client # litige');
    expect(normaliseSearchGap('contrat 123456789')).toBe('contrat #');
    // Short numbers say something about the rule ("3 mois"), not about a person.
    expect(normaliseSearchGap('délai 3 mois')).toBe('delai 3 mois');
  });

  it('drops what is too short to say anything', () => {
    expect(normaliseSearchGap('a ')).toBeNull();
    expect(normaliseSearchGap('0612345678')).toBeNull();
  });

  it('caps the length', () => {
    expect(normaliseSearchGap('mot '.repeat(60))?.length).toBeLessThanOrEqual(80);
  });
});
