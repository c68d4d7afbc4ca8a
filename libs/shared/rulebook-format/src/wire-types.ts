/**
 * The feed's public contract (docs/design.md, "The rulebook feed"). Browsers and Node read these shapes, so
 * they hold only JSON values: dates are ISO strings, versions are integers.
 */
export const RULEBOOK_FORMAT = 'pepite-rulebook/1';

/** One rule as it reads in release N: the rule's key and category plus its current version. */
export interface RuleEntry {
  readonly key: string;
  readonly category: string;
  /** The rule's own version number (1 for its first wording), not the release number. */
  readonly revision: number;
  readonly title: string;
  readonly statement: string;
  readonly rationale: string;
  readonly latitude: string;
  readonly escalation: string;
  readonly customerWording: string;
  readonly tags: readonly string[];
  /** Calendar date `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
}

export interface ReleaseChangelog {
  readonly added: readonly string[];
  readonly amended: readonly string[];
  readonly retired: readonly string[];
  /** Set when this release restores the content of an earlier one (a rollback). */
  readonly restoredFrom: number | null;
  /** References (`PEP-000123`) of the pépins this release answers. */
  readonly answers: readonly string[];
  /**
   * References (`PROP-000012`) of the proposals this release published, for readers to list
   * in their own language ("Propositions : …", "Proposals: …"). Absent from releases made
   * before the field existed (their signed bytes cannot change; their `notes` end with a
   * line "Propositions / Proposals: …" instead) and from releases no proposal made.
   */
  readonly proposals?: readonly string[];
}

/** What a release says about itself; everything of the snapshot but its rules. */
export interface ReleaseHeader {
  readonly version: number;
  readonly publishedAt: string;
  /** What the publisher wrote, in their own words (not translated); null when nothing. */
  readonly notes: string | null;
  readonly changelog: ReleaseChangelog;
}

/** The signed body of `GET /releases/:version`: canonical JSON of this object. */
export interface RulebookSnapshot extends ReleaseHeader {
  readonly format: typeof RULEBOOK_FORMAT;
  /** Sorted by key. */
  readonly rules: readonly RuleEntry[];
}

/** The seal a client checks: SHA-256 (hex) and Ed25519 signature (base64) of the snapshot bytes. */
export interface ReleaseSealInfo {
  readonly sha256: string;
  readonly signature: string;
  readonly keyId: string;
}

/** Interim guidance on a rule. Active until `expiresAt` or until a release amends or retires the rule. */
export interface AdvisoryEntry {
  readonly id: string;
  /** Gapless, in publication order. */
  readonly seq: number;
  readonly ruleKey: string;
  readonly message: string;
  readonly publishedAt: string;
  readonly expiresAt: string;
  /** The latest release when the advisory was published. */
  readonly releaseVersion: number;
  /** Ed25519 (base64) over the canonical JSON of this entry without `signature`. */
  readonly signature: string;
}

/** `GET /changes?since=N`: enough to turn snapshot N into the latest one and check it. */
export interface RulebookChanges {
  readonly format: typeof RULEBOOK_FORMAT;
  readonly since: number;
  readonly release: ReleaseHeader & ReleaseSealInfo;
  /** Rules absent from release N and present now. */
  readonly added: readonly RuleEntry[];
  /** Rules present in both whose revision differs (or that were retired and restored). */
  readonly amended: readonly RuleEntry[];
  /** Keys present in release N and absent now. */
  readonly retired: readonly string[];
  /** Advisories active now. */
  readonly advisories: readonly AdvisoryEntry[];
}

/** `GET /public-key`. */
export interface RulebookPublicKey {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  /** DER SubjectPublicKeyInfo, base64. */
  readonly spki: string;
  readonly pem: string;
  /** During a key rotation: the earlier keys, which signed releases and advisories still served. */
  readonly previous?: readonly Omit<RulebookPublicKey, 'previous'>[];
}

/** Data of the SSE `release` event (`id:` = version). */
export interface ReleaseEvent extends ReleaseSealInfo {
  readonly version: number;
  readonly publishedAt: string;
}

/** SSE event ids: a release's is its version, an advisory's `<release version>.<advisory seq>`. */
export function releaseEventId(version: number): string {
  return String(version);
}

export function advisoryEventId(advisory: Pick<AdvisoryEntry, 'releaseVersion' | 'seq'>): string {
  return `${advisory.releaseVersion}.${advisory.seq}`;
}

export interface EventCursor {
  readonly version: number;
  /** Undefined when the last event seen was a release. */
  readonly advisorySeq?: number;
}

/** Parses a `Last-Event-ID`; undefined when it is not one of ours. */
export function parseEventId(id: string | undefined | null): EventCursor | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,12}))?$/.exec(id?.trim() ?? '');
  if (!match) return undefined;
  return match[2] === undefined ? { version: Number(match[1]) } : { version: Number(match[1]), advisorySeq: Number(match[2]) };
}
