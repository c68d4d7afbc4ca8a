import type { RuleEntry } from '@pepite/rulebook-format';
import { diffRule, RULE_WORDING_FIELDS, validateRuleDraft, type RuleChange, type RuleDraft } from '@pepite/api/rulebook/domain';
import { PROPOSAL_LIMITS } from './proposal-text';

export type RuleChangeKindName = 'CREATE' | 'AMEND' | 'RETIRE';

/** The wording fields a change may carry (all but the key), as `RuleDraft` names them. */
export const CHANGE_WORDING_FIELDS = RULE_WORDING_FIELDS;

export type ChangeWordingField = (typeof CHANGE_WORDING_FIELDS)[number];

/**
 * A rule change as people ask for it (docs/design.md `RuleChangeInput`). CREATE needs every
 * wording field but `tags` (none) and `effectiveFrom` (the revision's day); AMEND keeps the
 * published value of every field left out; RETIRE takes the key only.
 */
export interface RuleChangeRequest {
  readonly kind: RuleChangeKindName;
  readonly ruleKey: string;
  readonly category?: string | null;
  readonly title?: string | null;
  readonly statement?: string | null;
  readonly rationale?: string | null;
  readonly latitude?: string | null;
  readonly escalation?: string | null;
  readonly customerWording?: string | null;
  readonly tags?: readonly string[] | null;
  readonly effectiveFrom?: string | null;
}

/**
 * A change as a revision stores it: the rulebook's `RuleChange` with the full wording
 * resolved when the revision was made, plus the rule's revision in force then
 * (`baseRevision`, null for a creation), so a publication can tell whether the rule moved
 * since.
 */
export type ProposedRuleChange =
  | { readonly kind: 'CREATE'; readonly rule: RuleDraft; readonly baseRevision: null }
  | { readonly kind: 'AMEND'; readonly rule: RuleDraft; readonly baseRevision: number }
  | { readonly kind: 'RETIRE'; readonly key: string; readonly baseRevision: number };

/**
 * Stable machine codes: NO_CHANGES, TOO_MANY_CHANGES, RULE_CHANGED_TWICE,
 * RULE_ALREADY_EXISTS, RULE_NOT_IN_FORCE, NOTHING_CHANGES, FIELDS_ON_RETIRE, and the
 * rulebook's own `RuleProblemReason`s for the wording (REQUIRED, TOO_SHORT, INVALID_KEY…).
 */
export type ChangeProblemReason = string;

export interface ChangeProblem {
  /** `changes[1].statement`, `changes[0].ruleKey`, or `changes` for the list as a whole. */
  readonly field: string;
  readonly reason: ChangeProblemReason;
  readonly fr: string;
  readonly en: string;
}

export interface ResolvedChanges {
  /** Present exactly when there is no problem. */
  readonly changes?: readonly ProposedRuleChange[];
  readonly problems: readonly ChangeProblem[];
}

export const changeKeyOf = (change: ProposedRuleChange): string =>
  change.kind === 'RETIRE' ? change.key : change.rule.key;

/** What the rulebook publishes: the change without the proposal's bookkeeping. */
export function toRuleChange(change: ProposedRuleChange): RuleChange {
  return change.kind === 'RETIRE' ? { kind: 'RETIRE', key: change.key } : { kind: change.kind, rule: change.rule };
}

/**
 * Turns requested changes into full drafts against the rules in force (`published`, the
 * latest release), checking each one the way the rulebook will at publication, so that
 * an approved proposal can always be published unless the rulebook moved meanwhile.
 * `today` (`YYYY-MM-DD`) is a creation's `effectiveFrom` when none is given.
 */
export function resolveChanges(
  requests: readonly RuleChangeRequest[],
  published: ReadonlyMap<string, RuleEntry>,
  today: string,
): ResolvedChanges {
  const problems: ChangeProblem[] = [];
  if (requests.length === 0) {
    problems.push({
      field: 'changes',
      reason: 'NO_CHANGES',
      fr: 'Une proposition change au moins une règle : ajoutez une création, une modification ou un retrait.',
      en: 'A proposal changes at least one rule: add a creation, an amendment or a retirement.',
    });
  }
  const max = PROPOSAL_LIMITS.changes.max;
  if (requests.length > max) {
    problems.push({
      field: 'changes',
      reason: 'TOO_MANY_CHANGES',
      fr: `Une révision change au plus ${max} règles (celle-ci en change ${requests.length}) : découpez la proposition.`,
      en: `A revision changes at most ${max} rules (this one changes ${requests.length}): split the proposal.`,
    });
    return { problems };
  }
  const seen = new Map<string, number>();
  const changes: ProposedRuleChange[] = [];
  requests.forEach((request, index) => {
    const at = `changes[${index}]`;
    const key = request.ruleKey.trim();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        field: `${at}.ruleKey`,
        reason: 'RULE_CHANGED_TWICE',
        fr: `La règle ${key} est déjà changée par le changement n° ${first + 1} : une révision change chaque règle une fois.`,
        en: `Rule ${key} is already changed by change #${first + 1}: a revision changes each rule once.`,
      });
      return;
    }
    seen.set(key, index);
    const change = resolveOne(request, key, at, published.get(key), today, problems);
    if (change) changes.push(change);
  });
  return problems.length > 0 ? { problems } : { changes, problems };
}

function resolveOne(
  request: RuleChangeRequest,
  key: string,
  at: string,
  current: RuleEntry | undefined,
  today: string,
  problems: ChangeProblem[],
): ProposedRuleChange | null {
  if (request.kind === 'RETIRE') {
    const given = CHANGE_WORDING_FIELDS.filter((field) => request[field] !== null && request[field] !== undefined);
    if (given.length > 0) {
      problems.push({
        field: `${at}.${given[0]}`,
        reason: 'FIELDS_ON_RETIRE',
        fr: `Le retrait de la règle ${key} ne prend que sa clé : retirez ${given.join(', ')}.`,
        en: `Retiring rule ${key} takes its key only: remove ${given.join(', ')}.`,
      });
      return null;
    }
    if (!current) {
      problems.push(notInForce(at, key, 'RETIRE'));
      return null;
    }
    return { kind: 'RETIRE', key, baseRevision: current.revision };
  }

  if (request.kind === 'CREATE' && current) {
    problems.push({
      field: `${at}.ruleKey`,
      reason: 'RULE_ALREADY_EXISTS',
      fr: `La règle ${key} existe déjà (révision ${current.revision} en vigueur) : proposez de la modifier (AMEND) plutôt que de la créer.`,
      en: `Rule ${key} already exists (revision ${current.revision} in force): propose to amend it (AMEND) instead of creating it.`,
    });
    return null;
  }
  if (request.kind === 'AMEND' && !current) {
    problems.push(notInForce(at, key, 'AMEND'));
    return null;
  }

  const base: Readonly<Record<ChangeWordingField, unknown>> =
    request.kind === 'AMEND' && current
      ? current
      : {
          category: undefined,
          title: undefined,
          statement: undefined,
          rationale: undefined,
          latitude: undefined,
          escalation: undefined,
          customerWording: undefined,
          tags: [],
          effectiveFrom: today,
        };
  const record: Record<string, unknown> = { key };
  for (const field of CHANGE_WORDING_FIELDS) {
    const asked = request[field];
    const value = asked === null || asked === undefined ? base[field] : asked;
    if (value !== undefined) record[field] = value;
  }
  const { draft, problems: draftProblems } = validateRuleDraft(record);
  for (const problem of draftProblems) {
    const field = problem.field === 'key' ? 'ruleKey' : problem.field;
    problems.push({
      field: field === '' ? at : `${at}.${field}`,
      reason: problem.reason,
      fr: `${key} : ${problem.fr}`,
      en: `${key}: ${problem.en}`,
    });
  }
  if (!draft) return null;
  if (request.kind === 'AMEND' && current) {
    if (diffRule(current, draft).length === 0) {
      problems.push({
        field: at,
        reason: 'NOTHING_CHANGES',
        fr: `La modification de la règle ${key} ne change rien à la révision ${current.revision} en vigueur : changez au moins un champ.`,
        en: `The amendment of rule ${key} changes nothing in revision ${current.revision} in force: change at least one field.`,
      });
      return null;
    }
    return { kind: 'AMEND', rule: draft, baseRevision: current.revision };
  }
  return { kind: 'CREATE', rule: draft, baseRevision: null };
}

function notInForce(at: string, key: string, kind: 'AMEND' | 'RETIRE'): ChangeProblem {
  return {
    field: `${at}.ruleKey`,
    reason: 'RULE_NOT_IN_FORCE',
    fr: `La règle ${key} n’est pas en vigueur dans le règlement publié : impossible de la ${kind === 'AMEND' ? 'modifier' : 'retirer'}.`,
    en: `Rule ${key} is not in force in the published rulebook: it cannot be ${kind === 'AMEND' ? 'amended' : 'retired'}.`,
  };
}
