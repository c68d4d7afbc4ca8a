import type { RuleEntry } from '@pepite/rulebook-format';

/**
 * A rule as an author writes it: what the import document holds for each rule, and what a
 * GraphQL input will carry. Validation is pure so every entry point says the same thing,
 * in French and in English, with a stable machine code.
 */
export type RuleDraft = Omit<RuleEntry, 'revision'>;

/** The wording fields of a draft (all but the key), in the order they are written and checked. */
export const RULE_WORDING_FIELDS = [
  'category',
  'title',
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
  'tags',
  'effectiveFrom',
] as const;

/** The fields of a draft, in the order they are written and checked. */
export const RULE_FIELDS = ['key', ...RULE_WORDING_FIELDS] as const;

export type RuleField = (typeof RULE_FIELDS)[number];

/**
 * Groups of upper-case letters or digits joined by '-', the last group a number:
 * `REFUND-004`, `GDPR-001`, `DELIVERY-DELAY-002`. At most `RULE_LIMITS.key.max` characters.
 */
export const RULE_KEY_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-[0-9]+$/;

/** Lengths are counted in characters (Unicode code points), after trimming. */
export const RULE_LIMITS = {
  key: { max: 40 },
  title: { min: 3, max: 160 },
  category: { min: 2, max: 80 },
  statement: { min: 10, max: 4000 },
  rationale: { min: 10, max: 4000 },
  latitude: { min: 10, max: 4000 },
  escalation: { min: 10, max: 4000 },
  customerWording: { min: 10, max: 2000 },
  tags: { maxCount: 12, min: 1, max: 40 },
} as const;

export type RuleProblemReason =
  | 'REQUIRED'
  | 'NOT_A_STRING'
  | 'NOT_A_LIST'
  | 'NOT_AN_OBJECT'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'INVALID_KEY'
  | 'INVALID_DATE'
  | 'DUPLICATE_KEY'
  | 'UNKNOWN_FIELD';

export interface RuleProblem {
  /** `title`, `tags[2]`, the unknown field's name, or '' for the rule as a whole. */
  readonly field: string;
  /** Stable machine code. */
  readonly reason: RuleProblemReason;
  readonly fr: string;
  readonly en: string;
}

export interface RuleDraftValidation {
  /** Present exactly when there is no problem. */
  readonly draft?: RuleDraft;
  readonly problems: RuleProblem[];
}
