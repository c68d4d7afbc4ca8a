import type { EntityManager } from 'typeorm';

export interface OverdueRow {
  readonly siteId: string;
  readonly count: number;
}

/** Pépins past their acknowledgement deadline and still NEW (`isOverdue`), counted per site. */
export async function overdueBySite(db: EntityManager, now: Date): Promise<OverdueRow[]> {
  const rows: { site_id: string; count: number }[] = await db.query(
    `SELECT site_id, count(*)::int AS count FROM pepin WHERE status = 'NEW' AND ack_due_at < $1 GROUP BY site_id`,
    [now],
  );
  return rows.map((row) => ({ siteId: row.site_id, count: row.count }));
}
