import type { KeyObject } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ReleaseChangelog } from '@pepite/rulebook-format';
import type { RuleInForce } from '../domain/release-plan';
import { sealRelease } from '../domain/release-seal';
import { ReleaseEntity } from '../persistence/release.entity';
import { insertMembership } from '../persistence/rulebook-store';
import type { ReleaseAssembler } from './release-assembler';
import type { ReleaseBrotli } from './release-brotli.service';

export interface ReleaseContent {
  readonly version: number;
  readonly advisorySeqAt: number;
  readonly notes: string | null;
  readonly changelog: ReleaseChangelog;
  readonly publishedBy: string | null;
  /** Changed rules flagged "lecture obligatoire" (issue 19). */
  readonly mandatoryRules?: readonly string[];
  /** Every rule in force, with the id of its stored version. */
  readonly rules: readonly RuleInForce[];
}

/** What writing a release needs besides the transaction: its bytes' builder and the brotli job. */
export interface ReleaseWriting {
  readonly assembler: ReleaseAssembler;
  readonly brotli: ReleaseBrotli;
  readonly signingKey: KeyObject;
  readonly keyId: string;
}

export const RULEBOOK_CHANNEL = 'pepite_rulebook';

/**
 * Writes release N inside the caller's transaction: computes the canonical snapshot, its
 * seal and its gzip form once, so that no read ever serialises or compresses it. Only the
 * gzip body is stored: the identity bytes are read by decompressing it (`identityBytes`).
 * The brotli form follows after the commit (a job enqueued here). The notification is queued in
 * the same transaction: PostgreSQL delivers it on commit only.
 */
export async function writeRelease(manager: EntityManager, content: ReleaseContent, writing: ReleaseWriting): Promise<ReleaseEntity> {
  const publishedAt = new Date();
  const { bytes, gzip } = writing.assembler.assemble(
    { version: content.version, publishedAt: publishedAt.toISOString(), notes: content.notes, changelog: content.changelog },
    content.rules,
  );
  const seal = sealRelease(bytes, writing.signingKey);
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
    keyId: writing.keyId,
    // The identity bytes are the gzip body decompressed: writing them too was most of a
    // large publication (decision 0012).
    snapshot: null,
    snapshotGzip: gzip,
    snapshotBrotli: null,
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
  await writing.brotli.schedule(content.version, manager);
  await manager.query('SELECT pg_notify($1, $2)', [RULEBOOK_CHANNEL, `release:${content.version}`]);
  writing.assembler.wrote(content.version, seal.sha256, content.rules);
  return release;
}
