import type { RuleEntry } from '@pepite/rulebook-format';
import { diffAgainstPrevious, diffAgainstPublished } from './proposal-diff';
import type { ProposedRuleChange } from './rule-changes';

const entry = (key: string, statement: string, revision = 1): RuleEntry => ({
  key,
  category: 'Remboursements',
  revision,
  title: `Règle ${key}`,
  statement,
  rationale: 'Une justification assez longue.',
  latitude: 'Une marge de manœuvre claire.',
  escalation: 'Une consigne d’escalade nette.',
  customerWording: '« Des mots pour le client. »',
  tags: ['test'],
  effectiveFrom: '2026-01-01',
});
const draftOf = ({ revision: _revision, ...rule }: RuleEntry) => rule;
const amend = (key: string, statement: string): ProposedRuleChange => ({
  kind: 'AMEND',
  rule: draftOf(entry(key, statement)),
  baseRevision: 1,
});
const published = new Map([
  ['A-001', entry('A-001', 'Faire ceci puis cela.')],
  ['B-001', entry('B-001', 'Toujours vérifier.')],
]);

describe('diffAgainstPublished', () => {
  it('shows each change of the revision, field by field, with word segments', () => {
    const [diff] = diffAgainstPublished([amend('A-001', 'Faire ceci puis autre chose.')], published);
    expect(diff).toEqual({
      ruleKey: 'A-001',
      kind: 'AMEND',
      existsBefore: true,
      existsAfter: true,
      publishedRevision: 1,
      fields: [
        {
          field: 'statement',
          before: 'Faire ceci puis cela.',
          after: 'Faire ceci puis autre chose.',
          segments: [
            { kind: 'SAME', text: 'Faire ceci puis ' },
            { kind: 'REMOVED', text: 'cela' },
            { kind: 'ADDED', text: 'autre chose' },
            { kind: 'SAME', text: '.' },
          ],
        },
      ],
    });
  });

  it('reads an absent rule as empty fields: a creation all ADDED, a retirement all REMOVED', () => {
    const [created, retired] = diffAgainstPublished(
      [
        { kind: 'CREATE', rule: draftOf(entry('C-001', 'Nouvelle règle.')), baseRevision: null },
        { kind: 'RETIRE', key: 'B-001', baseRevision: 1 },
      ],
      published,
    );
    expect(created).toMatchObject({ existsBefore: false, existsAfter: true, publishedRevision: null });
    expect(created?.fields.find((f) => f.field === 'statement')?.segments).toEqual([
      { kind: 'ADDED', text: 'Nouvelle règle.' },
    ]);
    expect(created?.fields.find((f) => f.field === 'tags')).toEqual({
      field: 'tags',
      before: '',
      after: 'test',
      segments: null,
    });
    expect(retired).toMatchObject({ kind: 'RETIRE', existsBefore: true, existsAfter: false, publishedRevision: 1 });
    expect(retired?.fields.find((f) => f.field === 'statement')?.segments).toEqual([
      { kind: 'REMOVED', text: 'Toujours vérifier.' },
    ]);
  });
});

describe('diffAgainstPrevious', () => {
  it('is empty for a first revision', () => {
    expect(diffAgainstPrevious([amend('A-001', 'x y z')], null, published)).toEqual([]);
  });

  it('shows what moved between two revisions, rules dropped included, and leaves out what did not', () => {
    const previous = [amend('A-001', 'Faire ceci puis cela, vite.'), amend('B-001', 'Toujours vérifier deux fois.')];
    const current = [
      amend('A-001', 'Faire ceci puis cela, vite.'),
      { kind: 'RETIRE', key: 'B-001', baseRevision: 1 } as const,
    ];
    expect(
      diffAgainstPrevious(current, previous, published).map((d) => [d.ruleKey, d.kind, d.existsBefore, d.existsAfter]),
    ).toEqual([['B-001', 'RETIRE', true, false]]);
    const dropped = diffAgainstPrevious([amend('A-001', 'Faire ceci puis cela, vite.')], previous, published);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ ruleKey: 'B-001', kind: null, existsBefore: true, existsAfter: true });
    // Dropping an amendment goes back to the published wording.
    expect(dropped[0]?.fields[0]?.segments).toEqual([
      { kind: 'SAME', text: 'Toujours vérifier' },
      { kind: 'REMOVED', text: ' deux fois' },
      { kind: 'SAME', text: '.' },
    ]);
  });
});
