import type { EntityManager } from 'typeorm';

export interface AcknowledgementRow {
  readonly userId: string;
  readonly releaseVersion: number;
  readonly ruleKey: string;
  readonly acknowledgedAt: Date;
}

/** Records "J'ai lu et compris" once: acknowledging again keeps the first time. Returns the row kept. */
export async function acknowledge(tx: EntityManager, row: AcknowledgementRow & { siteId: string }): Promise<AcknowledgementRow> {
  await tx.query(
    `INSERT INTO rule_acknowledgement (user_id, release_version, rule_key, site_id, acknowledged_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, release_version, rule_key) DO NOTHING`,
    [row.userId, row.releaseVersion, row.ruleKey, row.siteId, row.acknowledgedAt],
  );
  const [kept] = await acknowledgementsOf(tx, [row.userId], row.releaseVersion - 1, [row.ruleKey], row.releaseVersion);
  return kept ?? row;
}

/** Acknowledgements of these users for releases from `afterVersion + 1` (optionally up to `upTo`). */
export async function acknowledgementsOf(
  tx: EntityManager,
  userIds: readonly string[],
  afterVersion: number,
  ruleKeys?: readonly string[],
  upTo?: number,
): Promise<AcknowledgementRow[]> {
  if (userIds.length === 0) return [];
  const rows: { user_id: string; release_version: number; rule_key: string; acknowledged_at: Date }[] = await tx.query(
    `SELECT user_id, release_version, rule_key, acknowledged_at FROM rule_acknowledgement
      WHERE user_id = ANY($1::uuid[]) AND release_version > $2
        AND ($3::text[] IS NULL OR rule_key = ANY($3::text[]))
        AND ($4::int IS NULL OR release_version <= $4)`,
    [userIds, afterVersion, ruleKeys ?? null, upTo ?? null],
  );
  return rows.map((row) => ({ userId: row.user_id, releaseVersion: row.release_version, ruleKey: row.rule_key, acknowledgedAt: row.acknowledged_at }));
}

/**
 * Deletes acknowledgements made before `expiredBefore`, and those superseded — the same
 * operator acknowledged a later change of the same rule — made before `offDesktopsBefore`
 * (their change no longer shows on desktops, so nothing asks for them). Returns the rows deleted.
 */
export async function purgeAcknowledgements(tx: EntityManager, bounds: { expiredBefore: Date; offDesktopsBefore: Date }): Promise<number> {
  const [, deleted] = (await tx.query(
    `DELETE FROM rule_acknowledgement a
      WHERE a.acknowledged_at < $1
         OR (a.acknowledged_at < $2 AND EXISTS (
               SELECT 1 FROM rule_acknowledgement later
                WHERE later.user_id = a.user_id AND later.rule_key = a.rule_key AND later.release_version > a.release_version))`,
    [bounds.expiredBefore, bounds.offDesktopsBefore],
  )) as [unknown, number];
  return deleted;
}
