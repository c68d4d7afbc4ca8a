import {
  RULEBOOK_FORMAT,
  type AdvisoryEntry,
  type ReleaseChangelog,
  type ReleaseEvent,
  type ReleaseHeader,
  type ReleaseSealInfo,
  type RuleEntry,
  type RulebookChanges,
  type RulebookSnapshot,
} from '@pepite/rulebook-format';
import { RulebookError } from './errors';

/**
 * Shape checks for everything read off the wire or out of storage. A signature proves who
 * wrote the bytes, not that they hold what this code expects; checking the shape turns a
 * server bug into a MALFORMED error instead of a crash in the desktop.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isVersion = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function malformed(what: string): RulebookError {
  return new RulebookError('MALFORMED', `malformed ${what}`);
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed(`${what}: not JSON`);
  }
}

export function isRuleEntry(value: unknown): value is RuleEntry {
  return (
    isObject(value) &&
    isString(value.key) &&
    value.key.length > 0 &&
    isString(value.category) &&
    isVersion(value.revision) &&
    isString(value.title) &&
    isString(value.statement) &&
    isString(value.rationale) &&
    isString(value.latitude) &&
    isString(value.escalation) &&
    isString(value.customerWording) &&
    isStringArray(value.tags) &&
    isString(value.effectiveFrom)
  );
}

function isChangelog(value: unknown): value is ReleaseChangelog {
  return (
    isObject(value) &&
    isStringArray(value.added) &&
    isStringArray(value.amended) &&
    isStringArray(value.retired) &&
    (value.restoredFrom === null || isVersion(value.restoredFrom)) &&
    isStringArray(value.answers) &&
    (value.proposals === undefined || isStringArray(value.proposals))
  );
}

function isHeader(value: unknown): value is ReleaseHeader {
  return (
    isObject(value) &&
    isVersion(value.version) &&
    isString(value.publishedAt) &&
    (value.notes === null || isString(value.notes)) &&
    isChangelog(value.changelog)
  );
}

function isSeal(value: unknown): value is ReleaseSealInfo {
  return isObject(value) && isString(value.sha256) && isString(value.signature) && isString(value.keyId);
}

export function isAdvisoryEntry(value: unknown): value is AdvisoryEntry {
  return (
    isObject(value) &&
    isString(value.id) &&
    isVersion(value.seq) &&
    isString(value.ruleKey) &&
    isString(value.message) &&
    isString(value.publishedAt) &&
    isString(value.expiresAt) &&
    isVersion(value.releaseVersion) &&
    isString(value.signature)
  );
}

function hasUniqueKeys(rules: readonly RuleEntry[]): boolean {
  return new Set(rules.map((rule) => rule.key)).size === rules.length;
}

export function parseSnapshot(text: string): RulebookSnapshot {
  const value = parseJson(text, 'release');
  if (!isHeader(value) || !isObject(value) || value.format !== RULEBOOK_FORMAT) throw malformed('release header');
  const rules = value.rules;
  if (!Array.isArray(rules) || !rules.every(isRuleEntry) || !hasUniqueKeys(rules)) throw malformed('release rules');
  return value as unknown as RulebookSnapshot;
}

export function parseChanges(value: unknown): RulebookChanges {
  if (
    !isObject(value) ||
    value.format !== RULEBOOK_FORMAT ||
    !isVersion(value.since) ||
    !isHeader(value.release) ||
    !isSeal(value.release) ||
    !Array.isArray(value.added) ||
    !value.added.every(isRuleEntry) ||
    !Array.isArray(value.amended) ||
    !value.amended.every(isRuleEntry) ||
    !isStringArray(value.retired) ||
    !Array.isArray(value.advisories) ||
    !value.advisories.every(isAdvisoryEntry)
  ) {
    throw malformed('changes');
  }
  return value as unknown as RulebookChanges;
}

export function parseAdvisories(value: unknown): AdvisoryEntry[] {
  if (!Array.isArray(value) || !value.every(isAdvisoryEntry)) throw malformed('advisories');
  return value;
}

export function parseAdvisory(value: unknown): AdvisoryEntry {
  if (!isAdvisoryEntry(value)) throw malformed('advisory event');
  return value;
}

export function parseReleaseEvent(value: unknown): ReleaseEvent {
  if (!isObject(value) || !isVersion(value.version) || !isString(value.publishedAt) || !isSeal(value)) {
    throw malformed('release event');
  }
  return value as unknown as ReleaseEvent;
}
