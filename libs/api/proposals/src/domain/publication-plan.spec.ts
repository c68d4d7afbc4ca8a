import type { RuleDraft } from '@pepite/api/rulebook/domain';
import { planPublication, soleAuthorship, staleChanges, type ProposalToPublish } from './publication-plan';

const rule = (key: string, statement: string): RuleDraft => ({
  key,
  category: 'Remboursements',
  title: 'Remboursement',
  statement,
  rationale: 'Parce que.',
  latitude: 'Aucune.',
  escalation: 'Superviseur.',
  customerWording: '« Bien sûr. »',
  tags: [],
  effectiveFrom: '2026-01-01',
});

const amend = (key: string, statement: string, baseRevision = 1) =>
  ({ kind: 'AMEND', rule: rule(key, statement), baseRevision }) as const;

const proposal = (reference: string, changes: ProposalToPublish['changes'], authorIds = ['a']): ProposalToPublish => ({
  reference,
  changes,
  authorIds,
});

describe('planPublication', () => {
  it('merges the changes of several proposals, sorted by rule key', () => {
    const plan = planPublication([proposal('PROP-2', [amend('B-1', 'b')]), proposal('PROP-1', [amend('A-1', 'a')])]);
    expect(plan.clashes).toEqual([]);
    expect(plan.changes.map((change) => (change.kind === 'RETIRE' ? change.key : change.rule.key))).toEqual([
      'A-1',
      'B-1',
    ]);
  });

  it('keeps identical changes once and reports different changes of one rule as a clash', () => {
    expect(
      planPublication([proposal('PROP-1', [amend('A-1', 'x')]), proposal('PROP-2', [amend('A-1', 'x')])]),
    ).toMatchObject({
      clashes: [],
      changes: [{ kind: 'AMEND' }],
    });
    expect(
      planPublication([
        proposal('PROP-1', [amend('A-1', 'x')]),
        proposal('PROP-2', [amend('A-1', 'y')]),
        proposal('PROP-3', [{ kind: 'RETIRE', key: 'A-1', baseRevision: 1 }]),
      ]).clashes,
    ).toEqual([{ ruleKey: 'A-1', references: ['PROP-1', 'PROP-2', 'PROP-3'] }]);
  });
});

describe('staleChanges', () => {
  it('names the changes whose base is no longer the revision in force', () => {
    const proposals = [
      proposal('PROP-1', [amend('A-1', 'x', 1), amend('B-1', 'y', 2)]),
      proposal('PROP-2', [{ kind: 'CREATE', rule: rule('C-1', 'z'), baseRevision: null }]),
    ];
    expect(
      staleChanges(
        proposals,
        new Map([
          ['A-1', 1],
          ['B-1', 3],
        ]),
      ),
    ).toEqual([{ reference: 'PROP-1', ruleKey: 'B-1', baseRevision: 2, inForce: 3 }]);
    expect(
      staleChanges(
        proposals,
        new Map([
          ['A-1', 1],
          ['B-1', 2],
          ['C-1', 1],
        ]),
      ),
    ).toEqual([{ reference: 'PROP-2', ruleKey: 'C-1', baseRevision: null, inForce: 1 }]);
  });
});

describe('soleAuthorship (four eyes)', () => {
  it('names the proposals whose every author is the publisher', () => {
    const proposals = [proposal('PROP-1', [], ['me']), proposal('PROP-2', [], ['me', 'co-author'])];
    expect(soleAuthorship(proposals, 'me')).toEqual(['PROP-1']);
    expect(soleAuthorship(proposals, 'someone-else')).toEqual([]);
  });
});
