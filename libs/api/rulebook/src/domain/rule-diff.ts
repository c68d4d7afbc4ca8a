import { diffWords, type DiffSegment } from '@pepite/text-diff';
import { RULE_FIELDS, type RuleDraft, type RuleField } from './rule-draft';

export type { DiffSegment } from '@pepite/text-diff';

export type DiffedRuleField = Exclude<RuleField, 'key'>;

/** The fields of a rule's wording that a diff compares: all but the key, in the order people read them. */
export const DIFFED_RULE_FIELDS: readonly DiffedRuleField[] = RULE_FIELDS.filter(
  (field): field is DiffedRuleField => field !== 'key',
);

/** Fields long enough that a reader needs to see which words changed, not just both versions. */
export const LONG_TEXT_FIELDS: ReadonlySet<DiffedRuleField> = new Set([
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
]);

export interface RuleFieldChange {
  readonly field: DiffedRuleField;
  /** Tags are shown joined by ", ". */
  readonly before: string;
  readonly after: string;
  /** Word-level diff of long text fields; null for the short ones. */
  readonly segments: readonly DiffSegment[] | null;
}

export type RuleWording = Pick<RuleDraft, DiffedRuleField>;

/** The fields that differ between two wordings of a rule, in reading order; words diffed by the shared diff. */
export function diffRule(before: RuleWording, after: RuleWording): RuleFieldChange[] {
  const changes: RuleFieldChange[] = [];
  for (const field of DIFFED_RULE_FIELDS) {
    const from = fieldText(before, field);
    const to = fieldText(after, field);
    if (from === to) continue;
    changes.push({
      field,
      before: from,
      after: to,
      segments: LONG_TEXT_FIELDS.has(field) ? diffWords(from, to) : null,
    });
  }
  return changes;
}

function fieldText(wording: RuleWording, field: DiffedRuleField): string {
  return field === 'tags' ? wording.tags.join(', ') : wording[field];
}
