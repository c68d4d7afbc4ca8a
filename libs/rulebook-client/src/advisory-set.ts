import type { AdvisoryEntry, RulebookSnapshot } from '@pepite/rulebook-format';

/** True when the release amends or retires the advisory's rule after the advisory was written. */
export function isSuperseded(advisory: AdvisoryEntry, release: RulebookSnapshot | undefined): boolean {
  if (!release || advisory.releaseVersion >= release.version) return false;
  const { amended, retired } = release.changelog;
  return amended.includes(advisory.ruleKey) || retired.includes(advisory.ruleKey);
}

/** An unreadable expiry counts as expired: guidance with no end date is not what was signed. */
export function isExpired(advisory: AdvisoryEntry, now: number): boolean {
  const expiresAt = Date.parse(advisory.expiresAt);
  return !(expiresAt > now);
}

/** The verified advisories the client knows, by id; expiry is applied when read, as time passes. */
export class AdvisorySet {
  private readonly byId = new Map<string, AdvisoryEntry>();

  constructor(private readonly now: () => number) {}

  /** Active now for that release, in publication order. */
  active(release: RulebookSnapshot | undefined): AdvisoryEntry[] {
    const now = this.now();
    return [...this.byId.values()]
      .filter((advisory) => !isExpired(advisory, now) && !isSuperseded(advisory, release))
      .sort((a, b) => a.seq - b.seq);
  }

  /** What storage keeps (expired ones are dropped on the way). */
  entries(): AdvisoryEntry[] {
    const now = this.now();
    return [...this.byId.values()].filter((advisory) => !isExpired(advisory, now)).sort((a, b) => a.seq - b.seq);
  }

  /** A fingerprint of the ids held, to tell whether anything changed. */
  ids(): string {
    return [...this.byId.keys()].sort().join('\n');
  }

  /** Adds one; true when it is new and active, i.e. worth an `advisory` event. */
  add(advisory: AdvisoryEntry, release: RulebookSnapshot | undefined): boolean {
    if (this.byId.has(advisory.id)) return false;
    if (isExpired(advisory, this.now()) || isSuperseded(advisory, release)) return false;
    this.byId.set(advisory.id, advisory);
    return true;
  }

  /** The server's active list replaces ours; returns the ones not known before. */
  replace(advisories: readonly AdvisoryEntry[], release: RulebookSnapshot | undefined): AdvisoryEntry[] {
    const known = new Set(this.byId.keys());
    this.byId.clear();
    const fresh: AdvisoryEntry[] = [];
    for (const advisory of [...advisories].sort((a, b) => a.seq - b.seq)) {
      if (this.add(advisory, release) && !known.has(advisory.id)) fresh.push(advisory);
    }
    return fresh;
  }

  /** Drops what a newly trusted release supersedes; true when something was dropped. */
  prune(release: RulebookSnapshot): boolean {
    let dropped = false;
    for (const [id, advisory] of this.byId) {
      if (isSuperseded(advisory, release)) {
        this.byId.delete(id);
        dropped = true;
      }
    }
    return dropped;
  }
}
