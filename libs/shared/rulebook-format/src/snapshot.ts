import { canonicalJson } from './canonical-json';
import { RULEBOOK_FORMAT, type AdvisoryEntry, type ReleaseHeader, type RuleEntry, type RulebookSnapshot } from './wire-types';

const byKey = (a: RuleEntry, b: RuleEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The snapshot object of a release: its header and its rules sorted by key. */
export function toSnapshot(header: ReleaseHeader, rules: Iterable<RuleEntry>): RulebookSnapshot {
  return {
    format: RULEBOOK_FORMAT,
    version: header.version,
    publishedAt: header.publishedAt,
    notes: header.notes,
    changelog: header.changelog,
    rules: [...rules].sort(byKey),
  };
}

/** The exact bytes that are hashed and signed. */
export function snapshotBytes(snapshot: RulebookSnapshot): Uint8Array {
  return new TextEncoder().encode(canonicalJson(toSnapshot(snapshot, snapshot.rules)));
}

/** The bytes an advisory's signature covers. */
export function advisoryBytes(advisory: AdvisoryEntry | Omit<AdvisoryEntry, 'signature'>): Uint8Array {
  const { signature: _signature, ...signed } = advisory as AdvisoryEntry;
  return new TextEncoder().encode(canonicalJson(signed));
}
