import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';

// "Moi aussi": operators' supports of pépins, signed or not.

/**
 * Records "me too" (at `at`, now() when null); asking again only updates whether it is signed
 * (null: unchanged). True when the support is new (the count must move).
 */
export async function upsertSupport(
  manager: EntityManager,
  pepinId: string,
  supporterId: string,
  signed: boolean | null,
  at: Date | null = null,
): Promise<boolean> {
  const rows: { inserted: boolean }[] = await manager.query(
    `INSERT INTO pepin_support (pepin_id, supporter_id, signed, created_at)
     VALUES ($1, $2, COALESCE($3::boolean, false), COALESCE($4::timestamptz, now()))
     ON CONFLICT (pepin_id, supporter_id) DO UPDATE SET signed = COALESCE($3::boolean, pepin_support.signed)
     RETURNING (xmax = 0) AS inserted`,
    [pepinId, supporterId, signed, at],
  );
  return rows[0]?.inserted === true;
}

/** Removes `supporterId`'s "me too"; true when there was one (the count must move). */
export async function deleteSupport(manager: EntityManager, pepinId: string, supporterId: string): Promise<boolean> {
  // Through a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count], not rows.
  const rows: { count: number }[] = await manager.query(
    `WITH gone AS (DELETE FROM pepin_support WHERE pepin_id = $1 AND supporter_id = $2 RETURNING 1)
     SELECT count(*)::int AS count FROM gone`,
    [pepinId, supporterId],
  );
  return (rows[0]?.count ?? 0) > 0;
}

export async function isSupporter(manager: EntityManager, pepinId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM pepin_support WHERE pepin_id = $1 AND supporter_id = $2`, [
    pepinId,
    userId,
  ]);
  return rows.length > 0;
}

/** Of these pépins, those the user supports. */
export async function supportedBy(
  manager: EntityManager,
  pepinIds: readonly string[],
  userId: string,
): Promise<Set<string>> {
  if (pepinIds.length === 0) return new Set();
  const rows: { pepin_id: string }[] = await manager.query(
    `SELECT pepin_id FROM pepin_support WHERE pepin_id = ANY($1::uuid[]) AND supporter_id = $2`,
    [pepinIds, userId],
  );
  return new Set(rows.map((row) => row.pepin_id));
}

export async function supporterIds(manager: EntityManager, pepinId: string): Promise<string[]> {
  const rows: { supporter_id: string }[] = await manager.query(
    `SELECT supporter_id FROM pepin_support WHERE pepin_id = $1`,
    [pepinId],
  );
  return rows.map((row) => row.supporter_id);
}

/** Signed supports only: the others must stay invisible. Oldest first. */
export async function signedSupporters(
  manager: EntityManager,
  pepinIds: readonly string[],
): Promise<{ pepinId: string; supporterId: string }[]> {
  if (pepinIds.length === 0) return [];
  return manager.query(
    `SELECT pepin_id AS "pepinId", supporter_id AS "supporterId" FROM pepin_support
     WHERE pepin_id = ANY($1::uuid[]) AND signed ORDER BY created_at, supporter_id`,
    [pepinIds],
  );
}

/**
 * Moves the supports of `fromId` to `toId` (the kept pépin): its reporter becomes a
 * supporter too (from `at`, now() when null), unless they reported the kept one. Someone
 * already supporting the kept pépin keeps their own support as it was.
 */
export async function moveSupports(
  manager: EntityManager,
  from: Pepin,
  to: Pepin,
  at: Date | null = null,
): Promise<void> {
  await manager.query(
    `INSERT INTO pepin_support (pepin_id, supporter_id, signed, created_at)
     SELECT $2, supporter_id, signed, created_at FROM pepin_support WHERE pepin_id = $1 AND supporter_id <> $3
     ON CONFLICT DO NOTHING`,
    [from.id, to.id, to.reporterId],
  );
  if (from.reporterId !== to.reporterId) {
    await manager.query(
      `INSERT INTO pepin_support (pepin_id, supporter_id, signed, created_at)
       VALUES ($1, $2, $3, COALESCE($4::timestamptz, now())) ON CONFLICT DO NOTHING`,
      [to.id, from.reporterId, from.signed, at],
    );
  }
  await manager.query(`DELETE FROM pepin_support WHERE pepin_id = $1`, [from.id]);
  await recountSupports(manager, [from.id, to.id]);
}

/** Recounts the supports of pépins; deliberately leaves `updated_at` alone. */
export async function recountSupports(manager: EntityManager, ids: readonly string[]): Promise<void> {
  await manager.query(
    `UPDATE pepin p SET support_count = (SELECT count(*) FROM pepin_support s WHERE s.pepin_id = p.id) WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
}
