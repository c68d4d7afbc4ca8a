import type { RuleEntry } from '@pepite/rulebook-format';
import { RulebookErrors } from '../rulebook.errors';
import { changeKey, type RuleChange } from './rule-change';
import type { RuleDraft } from './rule-draft';

/** A rule in force: its entry plus the id of the stored version behind it. */
export interface RuleInForce {
  readonly entry: RuleEntry;
  readonly versionId: string;
}

export interface ReleasePlan {
  /** New wordings to store, with their revision numbers. */
  readonly newVersions: readonly RuleEntry[];
  /** Rules carried over unchanged (same stored version). */
  readonly kept: readonly RuleInForce[];
  readonly added: readonly string[];
  readonly amended: readonly string[];
  readonly retired: readonly string[];
}

const WORDING_FIELDS = [
  'category',
  'title',
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
  'effectiveFrom',
] as const;

export function sameWording(entry: RuleEntry, draft: RuleDraft): boolean {
  return (
    WORDING_FIELDS.every((field) => entry[field] === draft[field]) &&
    entry.tags.length === draft.tags.length &&
    entry.tags.every((tag, i) => tag === draft.tags[i])
  );
}

export function entryOf(draft: RuleDraft, revision: number): RuleEntry {
  return { ...draft, tags: [...draft.tags], revision };
}

/**
 * Applies changes to the rules in force. `lastRevision` knows retired rules too, so a rule
 * created again after retirement continues its numbering instead of reusing revision 1.
 * An amendment that changes nothing is dropped; a publication that changes nothing is refused.
 */
export function planRelease(
  inForce: ReadonlyMap<string, RuleInForce>,
  lastRevision: ReadonlyMap<string, number>,
  changes: readonly RuleChange[],
): ReleasePlan {
  const seen = new Set<string>();
  const newVersions: RuleEntry[] = [];
  const added: string[] = [];
  const amended: string[] = [];
  const retired: string[] = [];
  for (const change of changes) {
    const key = changeKey(change);
    if (seen.has(key)) throw RulebookErrors.ruleChangedTwice({ key });
    seen.add(key);
    const current = inForce.get(key);
    if (change.kind === 'CREATE') {
      if (current) throw RulebookErrors.ruleAlreadyExists({ key });
      newVersions.push(entryOf(change.rule, (lastRevision.get(key) ?? 0) + 1));
      added.push(key);
    } else if (change.kind === 'AMEND') {
      if (!current) throw RulebookErrors.ruleNotInForce({ key });
      if (sameWording(current.entry, change.rule)) continue;
      newVersions.push(entryOf(change.rule, (lastRevision.get(key) ?? current.entry.revision) + 1));
      amended.push(key);
    } else {
      if (!current) throw RulebookErrors.ruleNotInForce({ key });
      retired.push(key);
    }
  }
  if (newVersions.length === 0 && retired.length === 0) throw RulebookErrors.nothingToPublish();
  const kept = [...inForce.values()].filter((rule) => !seen.has(rule.entry.key));
  const sorted = (keys: string[]) => keys.sort();
  return { newVersions, kept, added: sorted(added), amended: sorted(amended), retired: sorted(retired) };
}

/** The changes that turn the rules in force into exactly `target` (an import of a whole rulebook). */
export function changesToReach(inForce: ReadonlyMap<string, RuleInForce>, target: readonly RuleDraft[]): RuleChange[] {
  const wanted = new Set(target.map((rule) => rule.key));
  const changes: RuleChange[] = target.map((rule) =>
    inForce.has(rule.key) ? { kind: 'AMEND', rule } : { kind: 'CREATE', rule },
  );
  for (const key of inForce.keys()) if (!wanted.has(key)) changes.push({ kind: 'RETIRE', key });
  return changes;
}
