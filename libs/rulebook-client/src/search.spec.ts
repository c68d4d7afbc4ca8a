import { foldText, RuleIndex, searchRules } from './search';
import { rule } from './testing/fixtures';

const RULES = [
  rule('REFUND-01', {
    title: 'Remboursement après retard',
    statement: 'Rembourser le client sous 14 jours.',
    tags: ['argent'],
  }),
  rule('DELAY-02', {
    title: 'Retard de livraison',
    statement: 'Proposer un geste commercial.',
    tags: ['remboursement'],
  }),
  rule('ECHEANCE-03', {
    title: 'Report d’échéance',
    statement: 'Un report par an. Pas de remboursement.',
    tags: ['échéancier'],
  }),
  rule('CLOSE-04', { title: 'Clôture du compte', statement: 'Vérifier l’identité.', tags: ['Sécurité'] }),
];

describe('rule search', () => {
  it('folds accents and case', () => {
    expect(foldText('Échéance ÇA Œuvre')).toBe('echeance ca œuvre');
    expect(searchRules(RULES, 'ECHEANCE').map((hit) => hit.rule.key)).toEqual(['ECHEANCE-03']);
    expect(searchRules(RULES, 'cloture').map((hit) => hit.rule.key)).toEqual(['CLOSE-04']);
    expect(searchRules(RULES, 'securite').map((hit) => hit.rule.key)).toEqual(['CLOSE-04']);
  });

  it('ranks title hits above key, tags and statement hits', () => {
    const hits = searchRules(RULES, 'remboursement');
    expect(hits.map((hit) => hit.rule.key)).toEqual(['REFUND-01', 'DELAY-02', 'ECHEANCE-03']);
    expect(hits.map((hit) => hit.matched)).toEqual([['title'], ['tags'], ['statement']]);
  });

  it('ranks a key hit above a tag hit and a statement hit', () => {
    const rules = [
      rule('A-1', { title: 'x', statement: 'mentions refund', tags: ['refund'] }),
      rule('REFUND-9', { title: 'y', statement: 'nothing' }),
    ];
    expect(searchRules(rules, 'refund').map((hit) => hit.rule.key)).toEqual(['REFUND-9', 'A-1']);
  });

  it('requires every term, and ranks by the sum over terms', () => {
    expect(searchRules(RULES, 'retard livraison').map((hit) => hit.rule.key)).toEqual(['DELAY-02']);
    expect(searchRules(RULES, 'retard').map((hit) => hit.rule.key)).toEqual(['DELAY-02', 'REFUND-01']);
  });

  it('limits, and returns nothing for a blank query', () => {
    expect(searchRules(RULES, 'remboursement', { limit: 1 })).toHaveLength(1);
    expect(searchRules(RULES, '  -- ')).toEqual([]);
    expect(new RuleIndex(RULES).search('')).toEqual([]);
  });

  it('matches keys with their punctuation', () => {
    expect(searchRules(RULES, 'delay-02').map((hit) => hit.rule.key)).toEqual(['DELAY-02']);
  });
});
