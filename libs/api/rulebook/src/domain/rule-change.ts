import type { RuleDraft } from './rule-draft';

/** One change a publication makes to the rulebook. */
export type RuleChange =
  | { readonly kind: 'CREATE'; readonly rule: RuleDraft }
  | { readonly kind: 'AMEND'; readonly rule: RuleDraft }
  | { readonly kind: 'RETIRE'; readonly key: string };

export const changeKey = (change: RuleChange): string => (change.kind === 'RETIRE' ? change.key : change.rule.key);
