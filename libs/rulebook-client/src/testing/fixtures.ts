/**
 * Test-only helpers (never exported by the entries): a real Ed25519 key pair and releases
 * sealed exactly as the API seals them, so the specs exercise the real verification.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  advisoryBytes,
  snapshotBytes,
  toSnapshot,
  type AdvisoryEntry,
  type ReleaseChangelog,
  type RuleEntry,
  type RulebookChanges,
  type RulebookSnapshot,
} from '@pepite/rulebook-format';

export interface TestKeys {
  readonly privateKey: KeyObject;
  readonly spki: string;
  readonly pem: string;
  /** As the API names a key: the first 16 hex digits of the SHA-256 of its DER SPKI. */
  readonly keyId: string;
}

export function newKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    spki: der.toString('base64'),
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function rule(key: string, overrides: Partial<RuleEntry> = {}): RuleEntry {
  return {
    key,
    category: 'billing',
    revision: 1,
    title: `Title of ${key}`,
    statement: `Statement of ${key}`,
    rationale: 'Because.',
    latitude: 'Some.',
    escalation: 'Manager.',
    customerWording: 'We will.',
    tags: [],
    effectiveFrom: '2026-01-01',
    ...overrides,
  };
}

export interface SealedRelease {
  readonly snapshot: RulebookSnapshot;
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly signature: string;
  readonly keyId: string;
}

export function release(
  keys: TestKeys,
  version: number,
  rules: readonly RuleEntry[],
  changelog: Partial<ReleaseChangelog> = {},
): SealedRelease {
  const snapshot = toSnapshot(
    {
      version,
      publishedAt: `2026-02-${String(version).padStart(2, '0')}T10:00:00.000Z`,
      notes: `Release ${version}`,
      changelog: { added: [], amended: [], retired: [], restoredFrom: null, answers: [], ...changelog },
    },
    rules,
  );
  const bytes = Buffer.from(snapshotBytes(snapshot));
  return {
    snapshot,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    signature: sign(null, bytes, keys.privateKey).toString('base64'),
    keyId: keys.keyId,
  };
}

export function changesBetween(
  from: SealedRelease,
  to: SealedRelease,
  advisories: readonly AdvisoryEntry[] = [],
): RulebookChanges {
  const before = new Map(from.snapshot.rules.map((entry) => [entry.key, entry]));
  const after = new Map(to.snapshot.rules.map((entry) => [entry.key, entry]));
  return {
    format: 'pepite-rulebook/1',
    since: from.snapshot.version,
    release: {
      version: to.snapshot.version,
      publishedAt: to.snapshot.publishedAt,
      notes: to.snapshot.notes,
      changelog: to.snapshot.changelog,
      sha256: to.sha256,
      signature: to.signature,
      keyId: to.keyId,
    },
    added: [...after.values()].filter((entry) => !before.has(entry.key)),
    amended: [...after.values()].filter(
      (entry) => before.has(entry.key) && before.get(entry.key)?.revision !== entry.revision,
    ),
    retired: [...before.keys()].filter((key) => !after.has(key)),
    advisories,
  };
}

export function advisory(
  keys: TestKeys,
  seq: number,
  ruleKey: string,
  overrides: Partial<Omit<AdvisoryEntry, 'signature'>> = {},
): AdvisoryEntry {
  const unsigned: Omit<AdvisoryEntry, 'signature'> = {
    id: `adv-${seq}`,
    seq,
    ruleKey,
    message: `Advisory ${seq} on ${ruleKey}`,
    publishedAt: '2026-02-10T10:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    releaseVersion: 1,
    ...overrides,
  };
  return {
    ...unsigned,
    signature: sign(null, Buffer.from(advisoryBytes(unsigned)), keys.privateKey).toString('base64'),
  };
}
