import type { RuleChange } from '@pepite/api/rulebook/domain';
import { changeKeyOf, toRuleChange, type ProposedRuleChange } from './rule-changes';

/** An approved proposal as a publication weighs it. */
export interface ProposalToPublish {
  readonly reference: string;
  readonly changes: readonly ProposedRuleChange[];
  /** Everyone who wrote it: creator, accepted co-authors, revision authors (user ids). */
  readonly authorIds: readonly string[];
}

export interface PublicationPlan {
  /** The changes to publish, one per rule (identical changes of several proposals once). */
  readonly changes: readonly RuleChange[];
  /** Rules changed differently by two or more proposals, with their references. */
  readonly clashes: readonly { ruleKey: string; references: string[] }[];
}

/** A stable text of a change, to tell identical changes from different ones. */
function fingerprint(change: RuleChange): string {
  if (change.kind === 'RETIRE') return `RETIRE:${change.key}`;
  const rule = change.rule as unknown as Record<string, unknown>;
  return `${change.kind}:${JSON.stringify(
    Object.keys(rule)
      .sort()
      .map((key) => [key, rule[key]]),
  )}`;
}

/**
 * Merges the proposals' changes into one release's. Several proposals may change a rule
 * only in exactly the same way; otherwise the rule is a clash (never "last one wins").
 */
export function planPublication(proposals: readonly ProposalToPublish[]): PublicationPlan {
  const byKey = new Map<string, { change: RuleChange; prints: Set<string>; references: string[] }>();
  for (const proposal of proposals) {
    for (const proposed of proposal.changes) {
      const change = toRuleChange(proposed);
      const key = changeKeyOf(proposed);
      const entry = byKey.get(key) ?? { change, prints: new Set<string>(), references: [] };
      entry.prints.add(fingerprint(change));
      if (!entry.references.includes(proposal.reference)) entry.references.push(proposal.reference);
      byKey.set(key, entry);
    }
  }
  const keys = [...byKey.keys()].sort();
  return {
    changes: keys.map((key) => (byKey.get(key) as { change: RuleChange }).change),
    clashes: keys
      .filter((key) => (byKey.get(key) as { prints: Set<string> }).prints.size > 1)
      .map((key) => ({
        ruleKey: key,
        references: [...(byKey.get(key) as { references: string[] }).references].sort(),
      })),
  };
}

/**
 * The changes made against a wording that is no longer the one in force (`inForce`: the
 * revision of each rule in force now; absent when not in force).
 */
export function staleChanges(
  proposals: readonly ProposalToPublish[],
  inForce: ReadonlyMap<string, number>,
): { reference: string; ruleKey: string; baseRevision: number | null; inForce: number | null }[] {
  const stale: { reference: string; ruleKey: string; baseRevision: number | null; inForce: number | null }[] = [];
  for (const proposal of proposals) {
    for (const change of proposal.changes) {
      const key = changeKeyOf(change);
      const current = inForce.get(key) ?? null;
      if (current !== change.baseRevision) {
        stale.push({
          reference: proposal.reference,
          ruleKey: key,
          baseRevision: change.baseRevision,
          inForce: current,
        });
      }
    }
  }
  return stale;
}

/** Four eyes: the proposals whose only author is the publisher. */
export function soleAuthorship(proposals: readonly ProposalToPublish[], publisherId: string): string[] {
  return proposals
    .filter((proposal) => proposal.authorIds.length > 0 && proposal.authorIds.every((id) => id === publisherId))
    .map((proposal) => proposal.reference);
}
