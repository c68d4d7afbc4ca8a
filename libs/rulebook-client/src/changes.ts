import {
  snapshotBytes,
  toSnapshot,
  type RuleEntry,
  type RulebookChanges,
  type RulebookSnapshot,
} from '@pepite/rulebook-format';
import { RulebookError } from './errors';

export interface ReconstructedRelease {
  readonly snapshot: RulebookSnapshot;
  /** Canonical bytes of the rebuilt snapshot: to be hashed and verified before any trust. */
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Turns the trusted snapshot N into the release `changes` describes: drop retired keys,
 * upsert added and amended rules, re-serialise canonically. The result is only a candidate;
 * the caller checks its SHA-256 and signature against `changes.release`.
 */
export function applyChanges(base: RulebookSnapshot, changes: RulebookChanges): ReconstructedRelease {
  if (changes.since !== base.version) {
    throw new RulebookError('MALFORMED', `changes are since ${changes.since}, the local copy is ${base.version}`);
  }
  const rules = new Map<string, RuleEntry>(base.rules.map((rule) => [rule.key, rule]));
  for (const key of changes.retired) rules.delete(key);
  for (const rule of [...changes.added, ...changes.amended]) rules.set(rule.key, rule);
  const snapshot = toSnapshot(changes.release, rules.values());
  return { snapshot, bytes: new Uint8Array(snapshotBytes(snapshot)) };
}
