import type { AdvisoryEntry } from '@pepite/rulebook-format';
import type { AdvisoryEntity } from './advisory.entity';

export function advisoryEntryOf(row: AdvisoryEntity): AdvisoryEntry {
  return {
    id: row.id,
    seq: row.seq,
    ruleKey: row.ruleKey,
    message: row.message,
    publishedAt: row.publishedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    releaseVersion: row.releaseVersion,
    signature: row.signature,
  };
}
