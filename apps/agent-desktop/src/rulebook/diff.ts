import type { RuleEntry, RulebookSnapshot } from '@pepite/rulebook-client';

/** What changed between the release the operator had and the one just trusted. */
export interface RulebookDiff {
  readonly from: number;
  readonly to: number;
  /** When release `to` was published: the day its amendments took effect. */
  readonly publishedAt: string;
  readonly added: readonly RuleEntry[];
  /** Rules present in both with a different revision, with their previous wording. */
  readonly amended: readonly { readonly before: RuleEntry; readonly after: RuleEntry }[];
  readonly retired: readonly RuleEntry[];
  readonly notes: string | null;
  readonly answers: readonly string[];
  /** The proposals release `to` published, listed in the reader's language. */
  readonly proposals: readonly string[];
}

/**
 * Computed from the two snapshots rather than read from the changelog: a desktop that was
 * away for several releases sees everything that moved since its own copy.
 */
export function diffSnapshots(before: RulebookSnapshot, after: RulebookSnapshot): RulebookDiff {
  const old = new Map(before.rules.map((rule) => [rule.key, rule]));
  const now = new Set(after.rules.map((rule) => rule.key));
  const added: RuleEntry[] = [];
  const amended: { before: RuleEntry; after: RuleEntry }[] = [];
  for (const rule of after.rules) {
    const previous = old.get(rule.key);
    if (!previous) added.push(rule);
    else if (previous.revision !== rule.revision) amended.push({ before: previous, after: rule });
  }
  return {
    from: before.version,
    to: after.version,
    publishedAt: after.publishedAt,
    added,
    amended,
    retired: before.rules.filter((rule) => !now.has(rule.key)),
    notes: after.notes,
    answers: after.changelog.answers,
    proposals: after.changelog.proposals ?? [],
  };
}

export function changeCount(diff: RulebookDiff): number {
  return diff.added.length + diff.amended.length + diff.retired.length;
}

/** The five parts of a rule, in the order an operator reads them. */
export const RULE_PARTS = ['statement', 'rationale', 'latitude', 'escalation', 'customerWording'] as const;
export type RulePart = (typeof RULE_PARTS)[number];

/**
 * When an amended rule's new wording took effect. A proposal that changes the words usually
 * keeps the rule's first effective date (which then reads "in force since" a day long before
 * the change): the release's publication is the truth, unless the amendment set a new date.
 */
export function amendmentEffectiveFrom(before: RuleEntry, after: RuleEntry, publishedAt: string): string {
  return after.effectiveFrom !== before.effectiveFrom ? after.effectiveFrom : publishedAt;
}
