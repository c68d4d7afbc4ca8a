import { DomainError, ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

/** One rule two selected proposals change differently. */
export interface RuleClash {
  readonly ruleKey: string;
  readonly references: readonly string[];
}

/** One change made against a wording that a later release replaced. */
export interface StaleBase {
  readonly reference: string;
  readonly ruleKey: string;
  readonly baseRevision: number | null;
  readonly inForce: number | null;
}

/** The publication use cases' errors (publishing approved proposals, rolling back). */
export const PublicationErrors = defineErrors({
  noProposals: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Choisissez au moins une proposition approuvée à publier.',
    'Choose at least one approved proposal to publish.',
  ),
  fourEyes: {
    code: ErrorCode.FORBIDDEN,
    fr: (p: { references: string }) =>
      `Quatre yeux : vous êtes le seul auteur de ${p.references}. Une autre personne (co-auteur ou autre manager) doit y avoir contribué, ou un autre manager doit publier.`,
    en: (p: { references: string }) =>
      `Four eyes: you are the only author of ${p.references}. Someone else (a co-author or another manager) must have contributed, or another manager must publish.`,
  },
  rollbackReasonTooShort: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { min: number }) => `Donnez la raison du retour en arrière (au moins ${p.min} caractères).`,
    en: (p: { min: number }) => `Give the reason for the rollback (at least ${p.min} characters).`,
  },
  effectiveAtInPast: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'La date d’entrée en vigueur doit être dans le futur.',
    'The effective date must be in the future.',
  ),
});

/** CONFLICT: two selected proposals change the same rule differently; nothing is written. */
export function clashingProposals(clashes: readonly RuleClash[]): DomainError {
  const list = clashes.map((clash) => `${clash.ruleKey} (${clash.references.join(', ')})`).join('; ');
  return new DomainError(
    ErrorCode.CONFLICT,
    {
      fr: `Ces propositions modifient différemment les mêmes règles : ${list}. Choisissez-en une, ou révisez-les pour qu’elles s’accordent.`,
      en: `These proposals change the same rules differently: ${list}. Choose one, or revise them so they agree.`,
    },
    {
      reason: 'rulesChangedBySeveralProposals',
      rules: clashes.map((c) => ({ ruleKey: c.ruleKey, proposals: [...c.references] })),
    },
  );
}

/** CONFLICT: a release since the proposal's revision changed a rule it changes; nothing is written. */
export function staleProposals(stale: readonly StaleBase[]): DomainError {
  const list = stale
    .map((s) => `${s.reference} / ${s.ruleKey} (${s.baseRevision ?? '∅'} → ${s.inForce ?? '∅'})`)
    .join('; ');
  return new DomainError(
    ErrorCode.CONFLICT,
    {
      fr: `Le règlement a changé depuis la révision approuvée : ${list}. Révisez la proposition sur le règlement en vigueur (elle repasse en conception) puis soumettez-la de nouveau au vote.`,
      en: `The rulebook changed since the approved revision: ${list}. Revise the proposal against the rulebook in force (it goes back to design) and put it to the vote again.`,
    },
    {
      reason: 'staleProposalBase',
      changes: stale.map((s) => ({
        proposal: s.reference,
        ruleKey: s.ruleKey,
        baseRevision: s.baseRevision,
        inForce: s.inForce,
      })),
    },
  );
}
