import type { RuleEntry } from '@pepite/rulebook-format';
import { resolveChanges, toRuleChange, type RuleChangeRequest } from './rule-changes';

const entry: RuleEntry = {
  key: 'REFUND-004',
  category: 'Remboursements',
  revision: 3,
  title: 'Remboursement sans justificatif',
  statement: 'Demander le ticket de caisse avant tout remboursement.',
  rationale: 'Limiter la fraude aux remboursements.',
  latitude: 'Le conseiller peut accepter une photo du ticket.',
  escalation: 'Sans ticket, transmettre au superviseur.',
  customerWording: '« Pouvez-vous me montrer votre ticket ? »',
  tags: ['remboursement'],
  effectiveFrom: '2025-01-01',
};
const other: RuleEntry = { ...entry, key: 'REFUND-005', revision: 1 };
const published = new Map([
  [entry.key, entry],
  [other.key, other],
]);
const TODAY = '2026-05-04';

const fullCreate: RuleChangeRequest = {
  kind: 'CREATE',
  ruleKey: 'GDPR-002',
  category: 'Données',
  title: 'Effacement des données',
  statement: 'Transmettre toute demande d’effacement au DPO sous 24 heures.',
  rationale: 'La loi impose de répondre sous un mois.',
  latitude: 'Le conseiller peut confirmer la réception de la demande.',
  escalation: 'En cas de doute, appeler le DPO directement.',
  customerWording: '« Votre demande est transmise au délégué à la protection des données. »',
};

describe('resolveChanges', () => {
  it('resolves AMEND against the rule in force, keeping every field left out', () => {
    const { changes, problems } = resolveChanges(
      [
        {
          kind: 'AMEND',
          ruleKey: 'REFUND-004',
          statement: '  Rembourser sans ticket sous 30 €.\r\n',
          tags: ['Fraude', 'fraude'],
        },
      ],
      published,
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(changes).toEqual([
      {
        kind: 'AMEND',
        baseRevision: 3,
        rule: { ...entry, revision: undefined, statement: 'Rembourser sans ticket sous 30 €.', tags: ['fraude'] },
      },
    ]);
    const [change] = changes ?? [];
    expect(change && toRuleChange(change)).toEqual({
      kind: 'AMEND',
      rule: { ...entry, revision: undefined, statement: 'Rembourser sans ticket sous 30 €.', tags: ['fraude'] },
    });
  });

  it('resolves CREATE with no tags and the day of the revision by default, and RETIRE with its key only', () => {
    const { changes, problems } = resolveChanges(
      [fullCreate, { kind: 'RETIRE', ruleKey: 'REFUND-004' }],
      published,
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(changes?.[0]).toMatchObject({
      kind: 'CREATE',
      baseRevision: null,
      rule: { key: 'GDPR-002', tags: [], effectiveFrom: TODAY },
    });
    expect(changes?.[1]).toEqual({ kind: 'RETIRE', key: 'REFUND-004', baseRevision: 3 });
    const retire = changes?.[1];
    expect(retire && toRuleChange(retire)).toEqual({ kind: 'RETIRE', key: 'REFUND-004' });
  });

  it('says every problem, with the field and a stable reason', () => {
    const { changes, problems } = resolveChanges(
      [
        { kind: 'CREATE', ruleKey: 'REFUND-004', title: 'x' },
        { kind: 'AMEND', ruleKey: 'UNKNOWN-001', title: 'Un titre' },
        { kind: 'RETIRE', ruleKey: 'GDPR-009', title: 'Pourquoi un titre ?' },
        { kind: 'AMEND', ruleKey: 'REFUND-005', statement: other.statement },
        { ...fullCreate, ruleKey: 'GDPR-002', latitude: 'court' },
        { kind: 'RETIRE', ruleKey: 'GDPR-002' },
      ],
      published,
      TODAY,
    );
    expect(changes).toBeUndefined();
    expect(problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'changes[0].ruleKey:RULE_ALREADY_EXISTS',
      'changes[1].ruleKey:RULE_NOT_IN_FORCE',
      'changes[2].title:FIELDS_ON_RETIRE',
      'changes[3]:NOTHING_CHANGES',
      'changes[4].latitude:TOO_SHORT',
      'changes[5].ruleKey:RULE_CHANGED_TWICE',
    ]);
    for (const problem of problems) {
      expect(problem.fr.length).toBeGreaterThan(10);
      expect(problem.en.length).toBeGreaterThan(10);
    }
  });

  it('needs at least one change, and not too many', () => {
    expect(resolveChanges([], published, TODAY).problems.map((p) => p.reason)).toEqual(['NO_CHANGES']);
    const many = Array.from({ length: 31 }, (_, i): RuleChangeRequest => ({
      ...fullCreate,
      ruleKey: `GDPR-${100 + i}`,
    }));
    expect(resolveChanges(many, published, TODAY).problems.map((p) => p.reason)).toEqual(['TOO_MANY_CHANGES']);
  });
});
