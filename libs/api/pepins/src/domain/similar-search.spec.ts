import { ruleFamilyOf, similarSearchQuery } from './similar-search';

describe('similarSearchQuery', () => {
  it('ORs the words and treats the last title word as a prefix while it is being typed', () => {
    expect(similarSearchQuery({ text: 'Remboursement colis abî' })).toEqual({
      tsquery: 'remboursement | colis | abî:*',
      everyWordTsquery: 'remboursement & colis & abî',
      trigramText: 'remboursement colis abî',
      stemText: 'remboursement colis abî',
      titleText: 'remboursement colis abî',
      descriptionText: '',
      ruleKey: null,
      ruleFamily: null,
    });
  });

  it('does not prefix a finished word, nor the title once a description is typed', () => {
    expect(similarSearchQuery({ text: 'remboursement colis ' })?.tsquery).toBe('remboursement | colis');
    expect(similarSearchQuery({ text: 'remboursement colis.' })?.tsquery).toBe('remboursement | colis');
    expect(similarSearchQuery({ text: 'colis abîmé', description: 'Carton déchiré' })?.tsquery).toBe(
      'colis | abîmé | carton | déchiré',
    );
  });

  it('keeps only letters and digits: nothing typed becomes tsquery syntax', () => {
    expect(similarSearchQuery({ text: "a&b | !c:* (d) <-> 'e' f\\g" })?.tsquery).toBeNull();
    expect(similarSearchQuery({ text: "remise & (client | !vip) <-> 'gold':*" })?.tsquery).toBe(
      'remise | client | vip | gold',
    );
  });

  it('ignores one-letter words, repeats, and too many words', () => {
    expect(similarSearchQuery({ text: 'a le le colis' })?.tsquery).toBe('le | colis:*');
    const many = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');
    expect(similarSearchQuery({ text: many })?.tsquery?.split(' | ')).toHaveLength(24);
  });

  it('searches nothing for too short a text', () => {
    expect(similarSearchQuery({ text: '  ab ' })).toBeNull();
  });

  it('carries the rule key and its family', () => {
    expect(similarSearchQuery({ text: 'Résiliation impossible', ruleKey: ' subscription-001 ' })).toMatchObject({
      ruleKey: 'SUBSCRIPTION-001',
      ruleFamily: 'SUBSCRIPTION',
    });
    expect(ruleFamilyOf('GDPR-002')).toBe('GDPR');
    expect(ruleFamilyOf('X1')).toBeNull();
  });
});
