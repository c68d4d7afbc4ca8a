/** The wording fields of a rule, in the order people read them (what, why, latitude, escalation, words). */
export const RULE_FIELDS = [
  'title',
  'category',
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleText = Record<RuleField, string>;

/** Fields compared between two releases: the wording plus tags and the effective date. */
export const COMPARED_FIELDS = [...RULE_FIELDS, 'tags', 'effectiveFrom'] as const;

/** The long texts get a textarea; title and category a one-line input. */
export const LONG_FIELDS: ReadonlySet<RuleField> = new Set([
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
]);

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export const EMPTY_RULE: RuleText = {
  title: '',
  category: '',
  statement: '',
  rationale: '',
  latitude: '',
  escalation: '',
  customerWording: '',
};

interface RuleLike extends Readonly<RuleText> {
  readonly tags?: readonly string[];
  readonly effectiveFrom?: string;
}

export function ruleText(rule: RuleLike): RuleText {
  return {
    title: rule.title,
    category: rule.category,
    statement: rule.statement,
    rationale: rule.rationale,
    latitude: rule.latitude,
    escalation: rule.escalation,
    customerWording: rule.customerWording,
  };
}

/** Field by field, only what differs; an absent rule reads as empty fields (as the API's diff does). */
export function changedFields(
  before: RuleLike | null,
  after: RuleLike | null,
  fields: readonly string[] = RULE_FIELDS,
): FieldChange[] {
  const read = (rule: RuleLike | null, field: string): string => {
    if (!rule) return '';
    if (field === 'tags') return (rule.tags ?? []).join(', ');
    const value = (rule as unknown as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : '';
  };
  return fields
    .map((field) => ({ field, before: read(before, field), after: read(after, field) }))
    .filter((change) => change.before !== change.after);
}
