import { diffRule, type RuleWording } from './rule-diff';

const wording: RuleWording = {
  category: 'Remboursements',
  title: 'Remboursement sous 14 jours',
  statement: 'Rembourser le client sous 14 jours après réception du colis retourné.',
  rationale: 'La loi impose un délai maximal et le client doit pouvoir compter dessus.',
  latitude: 'Le conseiller peut accorder un geste jusqu’à 20 € sans validation.',
  escalation: 'Au-delà, transmettre au superviseur de plateau avec le résumé.',
  customerWording: '« Votre remboursement partira sous 14 jours. »',
  tags: ['remboursement', 'délai'],
  effectiveFrom: '2026-01-05',
};

describe('rule diff', () => {
  it('finds nothing between identical wordings', () => {
    expect(diffRule(wording, { ...wording, tags: [...wording.tags] })).toEqual([]);
  });

  it('lists only the changed fields, in reading order, with word segments for long text only', () => {
    const changes = diffRule(wording, {
      ...wording,
      statement: 'Rembourser le client sous 7 jours après réception du colis retourné.',
      title: 'Remboursement sous 7 jours',
      tags: ['remboursement'],
    });
    expect(changes.map((c) => c.field)).toEqual(['title', 'statement', 'tags']);
    expect(changes[0]).toEqual({
      field: 'title',
      before: wording.title,
      after: 'Remboursement sous 7 jours',
      segments: null,
    });
    expect(changes[1]?.segments).toEqual([
      { kind: 'SAME', text: 'Rembourser le client sous ' },
      { kind: 'REMOVED', text: '14' },
      { kind: 'ADDED', text: '7' },
      { kind: 'SAME', text: ' jours après réception du colis retourné.' },
    ]);
    expect(changes[2]).toMatchObject({ before: 'remboursement, délai', after: 'remboursement', segments: null });
  });
});
