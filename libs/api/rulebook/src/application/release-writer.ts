import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { KeyObject } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson, toSnapshot, type ReleaseChangelog, type RuleEntry } from '@pepite/rulebook-format';
import { sealRelease } from '../domain/release-seal';
import { ReleaseEntity } from '../persistence/release.entity';
import { insertMembership } from '../persistence/rulebook-store';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface ReleaseContent {
  readonly version: number;
  readonly advisorySeqAt: number;
  readonly notes: string | null;
  readonly changelog: ReleaseChangelog;
  readonly publishedBy: string | null;
  /** Changed rules flagged "lecture obligatoire" (issue 19). */
  readonly mandatoryRules?: readonly string[];
  /** Every rule in force, with the id of its stored version. */
  readonly rules: readonly { entry: RuleEntry; versionId: string }[];
}

export const RULEBOOK_CHANNEL = 'pepite_rulebook';

/**
 * Writes release N inside the caller's transaction: computes the canonical snapshot, its
 * seal and its compressed forms once, so that no read ever serialises or compresses it.
 * The notification is queued in the same transaction: PostgreSQL delivers it on commit only.
 */
export async function writeRelease(manager: EntityManager, content: ReleaseContent, signingKey: KeyObject, keyId: string): Promise<ReleaseEntity> {
  const publishedAt = new Date();
  const snapshot = toSnapshot(
    { version: content.version, publishedAt: publishedAt.toISOString(), notes: content.notes, changelog: content.changelog },
    content.rules.map((rule) => rule.entry),
  );
  const bytes = Buffer.from(canonicalJson(snapshot), 'utf8');
  const seal = sealRelease(bytes, signingKey);
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(bytes, { level: 9 }),
    brotliAsync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        // Quality 11 costs seconds on a multi-megabyte rulebook for a few percent; 9 is the knee.
        [zlib.BROTLI_PARAM_QUALITY]: bytes.length > 1_000_000 ? 9 : 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
  const release = manager.create(ReleaseEntity, {
    version: content.version,
    publishedAt,
    publishedBy: content.publishedBy,
    notes: content.notes,
    changelog: content.changelog,
    ruleCount: content.rules.length,
    mandatoryRules: [...(content.mandatoryRules ?? [])],
    advisorySeqAt: content.advisorySeqAt,
    sha256: seal.sha256,
    signature: seal.signature,
    keyId,
    snapshot: bytes,
    snapshotGzip: gzipped,
    snapshotBrotli: brotli,
  });
  await manager.insert(ReleaseEntity, release);
  await insertMembership(manager, content.version, new Map(content.rules.map((rule) => [rule.entry.key, rule.versionId])));
  const touched = [...content.changelog.amended, ...content.changelog.retired];
  if (touched.length > 0) {
    await manager.query(
      'UPDATE advisory SET superseded_by = $1 WHERE rule_key = ANY($2) AND superseded_by IS NULL AND expires_at > now()',
      [content.version, touched],
    );
  }
  await manager.query('SELECT pg_notify($1, $2)', [RULEBOOK_CHANNEL, `release:${content.version}`]);
  return release;
}
