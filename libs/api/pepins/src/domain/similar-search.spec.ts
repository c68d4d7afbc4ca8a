import { similarSearchQuery } from './similar-search';

describe('similarSearchQuery', () => {
  it('ANDs the words and treats the last one as a prefix while it is being typed', () => {
    expect(similarSearchQuery('Remboursement colis abî')).toEqual({
      tsquery: 'remboursement & colis & abî:*',
      trigramText: 'remboursement colis abî',
    });
  });

  it('does not prefix a finished word', () => {
    expect(similarSearchQuery('remboursement colis ')?.tsquery).toBe('remboursement & colis');
    expect(similarSearchQuery('remboursement colis.')?.tsquery).toBe('remboursement & colis');
  });

  it('keeps only letters and digits: nothing typed becomes tsquery syntax', () => {
    expect(similarSearchQuery("a&b | !c:* (d) <-> 'e' f\\g")?.tsquery).toBeNull();
    expect(similarSearchQuery("remise & (client | !vip) <-> 'gold':*")?.tsquery).toBe('remise & client & vip & gold');
  });

  it('ignores one-letter words, repeats, and too many words', () => {
    expect(similarSearchQuery('a le le colis')?.tsquery).toBe('le & colis:*');
    const many = Array.from({ length: 30 }, (_, i) => `mot${i}`).join(' ');
    expect(similarSearchQuery(many)?.tsquery?.split(' & ')).toHaveLength(8);
  });

  it('searches nothing for too short a text', () => {
    expect(similarSearchQuery('  ab ')).toBeNull();
  });
});
