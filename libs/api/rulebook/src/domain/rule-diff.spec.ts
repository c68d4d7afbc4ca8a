import { diffRule, diffWords, type DiffSegment, type RuleWording } from './rule-diff';

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

const spell = (segments: readonly DiffSegment[], side: 'before' | 'after') =>
  segments
    .filter((s) => s.kind === 'SAME' || s.kind === (side === 'before' ? 'REMOVED' : 'ADDED'))
    .map((s) => s.text)
    .join('');

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

  it('always spells both texts back from its segments', () => {
    const pairs: [string, string][] = [
      ['', 'Un texte tout neuf.'],
      ['Un texte qui disparaît.', ''],
      ['a b c d e', 'a x c y e'],
      ['Prévenir le client, puis rappeler.', 'Prévenir le superviseur puis, si besoin, rappeler le client.'],
      ['Ligne un.\nLigne deux.', 'Ligne un.\n\nLigne deux modifiée.'],
      ['l’entreprise paie', 'l’agence paie'],
    ];
    for (const [before, after] of pairs) {
      const segments = diffWords(before, after);
      expect(spell(segments, 'before')).toBe(before);
      expect(spell(segments, 'after')).toBe(after);
      expect(segments.every((s) => s.text.length > 0)).toBe(true);
      // Neighbours never share a kind: runs are merged.
      segments.forEach((s, i) => expect(s.kind).not.toBe(segments[i - 1]?.kind));
    }
  });

  it('groups a changed stretch into one removal followed by one addition', () => {
    expect(diffWords('rappeler le client demain matin', 'rappeler le superviseur ce soir')).toEqual([
      { kind: 'SAME', text: 'rappeler le ' },
      { kind: 'REMOVED', text: 'client demain matin' },
      { kind: 'ADDED', text: 'superviseur ce soir' },
    ]);
  });

  it('keeps the words in common between changes', () => {
    const segments = diffWords(
      'Le conseiller rembourse sous 14 jours ouvrés.',
      'Le conseiller échange sous 14 jours calendaires.',
    );
    expect(segments.filter((s) => s.kind === 'SAME').map((s) => s.text)).toEqual([
      'Le conseiller ',
      ' sous 14 jours ',
      '.',
    ]);
    expect(segments.filter((s) => s.kind !== 'SAME').map((s) => `${s.kind}:${s.text}`)).toEqual([
      'REMOVED:rembourse',
      'ADDED:échange',
      'REMOVED:ouvrés',
      'ADDED:calendaires',
    ]);
  });

  it('handles the longest texts a rule allows', () => {
    const words = (seed: number) => Array.from({ length: 700 }, (_, i) => `m${(i * seed) % 97}`).join(' ');
    const before = words(7).slice(0, 4000);
    const after = words(11).slice(0, 4000);
    const segments = diffWords(before, after);
    expect(spell(segments, 'before')).toBe(before);
    expect(spell(segments, 'after')).toBe(after);
  });
});
