import type { EntityManager } from 'typeorm';

export interface OverduePepinRow {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly siteId: string;
  readonly teamId: string | null;
  /** Internal: the job tells the reporter their pépin is late, never anyone else who filed it. */
  readonly reporterId: string;
  readonly ackDueAt: Date;
  readonly escalationLevel: number;
}

/**
 * NEW pépins with an escalation due at `now`, most overdue first, locked for this
 * transaction; `SKIP LOCKED` lets two sweeps share the work instead of waiting.
 */
export async function lockOverduePepins(
  manager: EntityManager,
  now: Date,
  adminAfterHours: number,
  limit: number,
): Promise<OverduePepinRow[]> {
  const rows: {
    id: string;
    number: string;
    title: string;
    site_id: string;
    team_id: string | null;
    reporter_id: string;
    ack_due_at: Date;
    escalation_level: number;
  }[] = await manager.query(
    `SELECT id, number, title, site_id, team_id, reporter_id, ack_due_at, escalation_level
       FROM pepin
      WHERE status = 'NEW'
        AND ((escalation_level = 0 AND ack_due_at < $1)
          OR (escalation_level = 1 AND ack_due_at < $1::timestamptz - make_interval(hours => $2)))
      ORDER BY ack_due_at, id
      LIMIT $3
      FOR UPDATE SKIP LOCKED`,
    [now, adminAfterHours, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    number: String(row.number),
    title: row.title,
    siteId: row.site_id,
    teamId: row.team_id,
    reporterId: row.reporter_id,
    ackDueAt: new Date(row.ack_due_at),
    escalationLevel: row.escalation_level,
  }));
}

export interface DueSoonPepinRow {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly siteId: string;
  readonly ackDueAt: Date;
}

/**
 * NEW pépins due within `beforeHours` of `now`, not yet overdue and not reminded yet,
 * locked; the caller marks each reminded in the same transaction, so the reminder goes out
 * once whichever instance sweeps.
 */
export async function lockDueSoonPepins(manager: EntityManager, now: Date, beforeHours: number, limit: number): Promise<DueSoonPepinRow[]> {
  const rows: { id: string; number: string; title: string; site_id: string; ack_due_at: Date }[] = await manager.query(
    `SELECT id, number, title, site_id, ack_due_at
       FROM pepin
      WHERE status = 'NEW' AND ack_reminder_sent_at IS NULL AND escalation_level = 0
        AND ack_due_at > $1 AND ack_due_at <= $1::timestamptz + make_interval(hours => $2)
      ORDER BY ack_due_at, id
      LIMIT $3
      FOR UPDATE SKIP LOCKED`,
    [now, beforeHours, limit],
  );
  return rows.map((row) => ({ id: row.id, number: String(row.number), title: row.title, siteId: row.site_id, ackDueAt: new Date(row.ack_due_at) }));
}

export async function markReminded(manager: EntityManager, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await manager.query('UPDATE pepin SET ack_reminder_sent_at = $2 WHERE id = ANY($1::uuid[])', [ids, now]);
}
