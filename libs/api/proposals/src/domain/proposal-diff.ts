import type { RuleEntry } from '@pepite/rulebook-format';
import { diffRule, type RuleFieldChange, type RuleWording } from '@pepite/api/rulebook/domain';
import { changeKeyOf, type ProposedRuleChange, type RuleChangeKindName } from './rule-changes';

/** What a revision is compared with. */
/** PUBLISHED: the latest release; PREVIOUS: the revision before; BASE: the release the revision was written against. */
export type DiffBase = 'PUBLISHED' | 'PREVIOUS' | 'BASE';

/** How one rule reads before and after, field by field (the rulebook's word-level diff). */
export interface ProposalRuleDiff {
  readonly ruleKey: string;
  /** The change this revision makes to the rule; null when it no longer changes it (against PREVIOUS). */
  readonly kind: RuleChangeKindName | null;
  /** The rule exists in the state compared from (false: it is being created, or was retired). */
  readonly existsBefore: boolean;
  /** The rule exists once the revision applies (false: it is retired). */
  readonly existsAfter: boolean;
  /** The rule's revision in force in the latest release now, or null when it is not in force. */
  readonly publishedRevision: number | null;
  /** Changed fields in reading order; an absent rule reads as empty fields. */
  readonly fields: readonly RuleFieldChange[];
}

/** An absent rule: every field empty, so a creation shows all ADDED and a retirement all REMOVED. */
const ABSENT: RuleWording = {
  category: '',
  title: '',
  statement: '',
  rationale: '',
  latitude: '',
  escalation: '',
  customerWording: '',
  tags: [],
  effectiveFrom: '',
};

type RuleState = RuleWording | null;

/** How a rule reads once a revision's changes apply to the rules in force (null: not in force). */
function proposedState(
  changes: readonly ProposedRuleChange[],
  key: string,
  published: ReadonlyMap<string, RuleEntry>,
): RuleState {
  const change = changes.find((candidate) => changeKeyOf(candidate) === key);
  if (!change) return published.get(key) ?? null;
  return change.kind === 'RETIRE' ? null : change.rule;
}

function diffOf(
  key: string,
  kind: RuleChangeKindName | null,
  before: RuleState,
  after: RuleState,
  published: ReadonlyMap<string, RuleEntry>,
): ProposalRuleDiff {
  return {
    ruleKey: key,
    kind,
    existsBefore: before !== null,
    existsAfter: after !== null,
    publishedRevision: published.get(key)?.revision ?? null,
    fields: diffRule(before ?? ABSENT, after ?? ABSENT),
  };
}

/**
 * Every rule a revision changes, against the rules in force now (`published`: the latest
 * release), in the revision's order. A rule the rulebook already reads that way shows no
 * field: the release made it meanwhile.
 */
export function diffAgainstPublished(
  changes: readonly ProposedRuleChange[],
  published: ReadonlyMap<string, RuleEntry>,
): ProposalRuleDiff[] {
  return changes.map((change) => {
    const key = changeKeyOf(change);
    return diffOf(key, change.kind, published.get(key) ?? null, proposedState(changes, key, published), published);
  });
}

/**
 * What a revision changes from the one before it: the rules either touches, each read as
 * its revision would make it of the rules in force now (a rule a revision leaves alone
 * reads as published). Rules both read the same way are left out; a first revision (no
 * `previous`) changes nothing from before.
 */
export function diffAgainstPrevious(
  changes: readonly ProposedRuleChange[],
  previous: readonly ProposedRuleChange[] | null,
  published: ReadonlyMap<string, RuleEntry>,
): ProposalRuleDiff[] {
  if (previous === null) return [];
  const keys = [...new Set([...changes.map(changeKeyOf), ...previous.map(changeKeyOf)])];
  const diffs: ProposalRuleDiff[] = [];
  for (const key of keys) {
    const before = proposedState(previous, key, published);
    const after = proposedState(changes, key, published);
    const kind = changes.find((change) => changeKeyOf(change) === key)?.kind ?? null;
    const diff = diffOf(key, kind, before, after, published);
    if (diff.fields.length > 0 || diff.existsBefore !== diff.existsAfter) diffs.push(diff);
  }
  return diffs;
}
