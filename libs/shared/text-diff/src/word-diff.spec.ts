import { diffParagraphs, diffWords, sideOf, type DiffSegment } from './word-diff';

const spell = (segments: readonly DiffSegment[], side: 'before' | 'after') =>
  sideOf(segments, side)
    .map((s) => s.text)
    .join('');

const changes = (segments: readonly DiffSegment[]) =>
  segments.filter((s) => s.kind !== 'SAME').map((s) => `${s.kind}:${s.text}`);

describe('word diff', () => {
  it('always spells both texts back from its segments, runs merged', () => {
    const pairs: [string, string][] = [
      ['', 'Un texte tout neuf.'],
      ['Un texte qui disparaît.', ''],
      ['a b c d e', 'a x c y e'],
      ['Prévenir le client, puis rappeler.', 'Prévenir le superviseur puis, si besoin, rappeler le client.'],
      ['Ligne un.\nLigne deux.', 'Ligne un.\n\nLigne deux modifiée.'],
      ['l’entreprise paie', 'l’agence paie'],
      ['Premier.\n\nDeuxième.\r\n\r\nTroisième.', 'Premier !\n\nTroisième.'],
    ];
    for (const [before, after] of pairs) {
      const segments = diffWords(before, after);
      expect(spell(segments, 'before')).toBe(before);
      expect(spell(segments, 'after')).toBe(after);
      expect(segments.every((s) => s.text.length > 0)).toBe(true);
      segments.forEach((s, i) => expect(s.kind).not.toBe(segments[i - 1]?.kind));
    }
  });

  it('finds nothing between identical texts', () => {
    expect(diffWords('Même texte.', 'Même texte.')).toEqual([{ kind: 'SAME', text: 'Même texte.' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('groups a changed stretch into one removal followed by one addition', () => {
    expect(diffWords('rappeler le client demain matin', 'rappeler le superviseur ce soir')).toEqual([
      { kind: 'SAME', text: 'rappeler le ' },
      { kind: 'REMOVED', text: 'client demain matin' },
      { kind: 'ADDED', text: 'superviseur ce soir' },
    ]);
  });

  it('marks only the changed words, accented words whole', () => {
    const segments = diffWords(
      'Le conseiller rembourse sous 14 jours ouvrés.',
      'Le conseiller échange sous 14 jours calendaires.',
    );
    expect(segments.filter((s) => s.kind === 'SAME').map((s) => s.text)).toEqual([
      'Le conseiller ',
      ' sous 14 jours ',
      '.',
    ]);
    expect(changes(segments)).toEqual(['REMOVED:rembourse', 'ADDED:échange', 'REMOVED:ouvrés', 'ADDED:calendaires']);
    expect(changes(diffWords('Délai dépassé', 'Délai déplacé'))).toEqual(['REMOVED:dépassé', 'ADDED:déplacé']);
  });

  it('marks a punctuation change alone, not the word it follows', () => {
    expect(changes(diffWords('Rappeler le client, puis clore.', 'Rappeler le client ; puis clore !'))).toEqual([
      'REMOVED:, ',
      'ADDED: ; ',
      'REMOVED:.',
      'ADDED: !',
    ]);
    expect(changes(diffWords('« Votre dossier »', '« Votre demande »'))).toEqual(['REMOVED:dossier', 'ADDED:demande']);
  });

  it('keeps paragraphs: a change inside one paragraph leaves the others and the breaks untouched', () => {
    const before = 'Vérifier l’identité.\n\nProposer un geste de 10 €.\n\nClore le dossier.';
    const after = 'Vérifier l’identité.\n\nProposer un geste de 20 €.\n\nClore le dossier.';
    const segments = diffWords(before, after);
    expect(changes(segments)).toEqual(['REMOVED:10', 'ADDED:20']);
    expect(diffParagraphs(segments)).toEqual([
      [{ kind: 'SAME', text: 'Vérifier l’identité.' }],
      [
        { kind: 'SAME', text: 'Proposer un geste de ' },
        { kind: 'REMOVED', text: '10' },
        { kind: 'ADDED', text: '20' },
        { kind: 'SAME', text: ' €.' },
      ],
      [{ kind: 'SAME', text: 'Clore le dossier.' }],
    ]);
  });

  it('never folds a paragraph break into the changes around it', () => {
    const segments = diffWords('Un.\nDeux.', 'Premier.\nSecond.');
    expect(segments.filter((s) => s.kind !== 'SAME').every((s) => !s.text.includes('\n'))).toBe(true);
    expect(diffParagraphs(segments)).toHaveLength(2);
  });

  it('shows an added paragraph as a paragraph of its own', () => {
    const paragraphs = diffParagraphs(diffWords('Premier.', 'Premier.\n\nUn ajout entier.'));
    expect(paragraphs).toEqual([[{ kind: 'SAME', text: 'Premier.' }], [{ kind: 'ADDED', text: 'Un ajout entier.' }]]);
  });

  it('handles the longest texts a rule allows', () => {
    const words = (seed: number) => Array.from({ length: 700 }, (_, i) => `m${(i * seed) % 97}`).join(' ');
    const before = words(7).slice(0, 4000);
    const after = words(11).slice(0, 4000);
    const segments = diffWords(before, after);
    expect(spell(segments, 'before')).toBe(before);
    expect(spell(segments, 'after')).toBe(after);
    expect(changes(segments)).toEqual([`REMOVED:${before}`, `ADDED:${after}`]);
  });
});

describe('word diff across paragraphs', () => {
  it('never moves a word from one paragraph to another', () => {
    const paragraphs = diffParagraphs(
      diffWords(
        'Au-delà, transmettre au superviseur de plateau avec le résumé de l’appel.',
        'Au-delà, transmettre au superviseur de plateau.\n\nNoter le refus dans le dossier du client.',
      ),
    );
    expect(paragraphs).toEqual([
      [
        { kind: 'SAME', text: 'Au-delà, transmettre au superviseur de plateau' },
        { kind: 'REMOVED', text: ' avec le résumé de l’appel' },
        { kind: 'SAME', text: '.' },
      ],
      [{ kind: 'ADDED', text: 'Noter le refus dans le dossier du client.' }],
    ]);
  });

  it('shows a removed paragraph whole between kept ones', () => {
    const segments = diffWords('Un.\nDeux mots.\nTrois.', 'Un.\nTrois.');
    expect(changes(segments)).toEqual(['REMOVED:Deux mots.\n']);
    expect(spell(segments, 'after')).toBe('Un.\nTrois.');
  });
});
