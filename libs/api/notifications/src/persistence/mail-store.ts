import type { EntityManager } from 'typeorm';
import type { NotificationView } from '../domain/notification';
import { NOTIFICATION_COLUMNS, notificationViewOf, type NotificationRow } from './notification-store';

/** A delivery locked by this transaction until its message is sent (or given up on). */
export interface ClaimedDelivery {
  readonly id: string;
  readonly recipientId: string;
  readonly periodKey: string;
  readonly notificationIds: readonly string[];
  readonly attempts: number;
}

export async function preferencesOf(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const rows: { user_id: string; kind: string; mode: string }[] = await manager.query(
    'SELECT user_id, kind, mode FROM mail_preference WHERE user_id = ANY($1::uuid[])',
    [userIds],
  );
  const byUser = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const modes = byUser.get(row.user_id) ?? new Map<string, string>();
    modes.set(row.kind, row.mode);
    byUser.set(row.user_id, modes);
  }
  return byUser;
}

export async function savePreferences(manager: EntityManager, userId: string, modes: ReadonlyMap<string, string>): Promise<void> {
  if (modes.size === 0) return;
  await manager.query(
    `INSERT INTO mail_preference (user_id, kind, mode)
     SELECT $1, kind, mode FROM unnest($2::varchar[], $3::varchar[]) AS chosen(kind, mode)
     ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode, updated_at = now()`,
    [userId, [...modes.keys()], [...modes.values()]],
  );
}

/** Plans one message; a second plan for the same person and period is a no-op. True when planned now. */
export async function planDelivery(
  manager: EntityManager,
  recipientId: string,
  periodKey: string,
  notificationIds: readonly string[],
): Promise<boolean> {
  // A period with nothing to tell is recorded too (SKIPPED): it is not looked at again.
  const rows: unknown[] = await manager.query(
    `INSERT INTO mail_delivery (recipient_id, period_key, notification_ids, status)
     VALUES ($1, $2, $3::uuid[], CASE WHEN cardinality($3::uuid[]) = 0 THEN 'SKIPPED' ELSE 'PENDING' END)
     ON CONFLICT ON CONSTRAINT mail_delivery_once_per_period DO NOTHING RETURNING id`,
    [recipientId, periodKey, notificationIds],
  );
  return rows.length > 0;
}

/**
 * The oldest due delivery nobody else holds, locked for this transaction: `SKIP LOCKED`
 * lets instances share the outbox; a lock dies with its instance's connection.
 */
export async function claimDueDelivery(manager: EntityManager): Promise<ClaimedDelivery | null> {
  const rows: { id: string; recipient_id: string; period_key: string; notification_ids: string[]; attempts: number }[] =
    await manager.query(
      `SELECT id, recipient_id, period_key, notification_ids, attempts FROM mail_delivery
        WHERE status = 'PENDING' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at LIMIT 1
        FOR UPDATE SKIP LOCKED`,
    );
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, recipientId: row.recipient_id, periodKey: row.period_key, notificationIds: row.notification_ids, attempts: row.attempts };
}

export async function markSent(manager: EntityManager, id: string, messageId: string): Promise<void> {
  await manager.query(`UPDATE mail_delivery SET status = 'SENT', sent_at = now(), message_id = $2, last_error = NULL WHERE id = $1`, [
    id,
    messageId,
  ]);
}

/** A failed attempt: tried again after `delaySeconds`, or given up (FAILED) after the last. */
export async function markAttemptFailed(manager: EntityManager, id: string, error: string, delaySeconds: number | null): Promise<void> {
  await manager.query(
    `UPDATE mail_delivery SET attempts = attempts + 1, last_error = $2,
            status = CASE WHEN $3::int IS NULL THEN 'FAILED' ELSE 'PENDING' END,
            next_attempt_at = now() + make_interval(secs => coalesce($3::int, 0))
      WHERE id = $1`,
    [id, error.slice(0, 500), delaySeconds],
  );
}

export async function notificationsByIds(manager: EntityManager, ids: readonly string[]): Promise<NotificationView[]> {
  const rows: NotificationRow[] = await manager.query(
    `SELECT ${NOTIFICATION_COLUMNS} FROM notification n WHERE n.id = ANY($1::uuid[]) ORDER BY n.created_at, n.id`,
    [ids],
  );
  return rows.map(notificationViewOf);
}

/** Whether the person's message of that period is already planned (or skipped). */
export async function isPlanned(manager: EntityManager, recipientId: string, periodKey: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM mail_delivery WHERE recipient_id = $1 AND period_key = $2', [
    recipientId,
    periodKey,
  ]);
  return rows.length > 0;
}

/** How far back (in real time) a digest looks: older unread news is not worth an e-mail any more. */
const DIGEST_LOOKBACK_DAYS = 8;

/** People with unread notifications no e-mail has told them of yet, created before `before`. */
export async function digestCandidates(manager: EntityManager, before: Date): Promise<string[]> {
  const rows: { recipient_id: string }[] = await manager.query(
    `SELECT DISTINCT n.recipient_id FROM notification n
      WHERE n.read_at IS NULL AND n.created_at < $1 AND n.created_at > now() - make_interval(days => $2)
        AND NOT EXISTS (SELECT 1 FROM mail_delivery d WHERE d.recipient_id = n.recipient_id AND n.id = ANY(d.notification_ids))`,
    [before, DIGEST_LOOKBACK_DAYS],
  );
  return rows.map((row) => row.recipient_id);
}

/** One person's unread notifications no e-mail has told of, created before `before`, oldest first. */
export async function undigested(manager: EntityManager, recipientId: string, before: Date): Promise<NotificationView[]> {
  const rows: NotificationRow[] = await manager.query(
    `SELECT ${NOTIFICATION_COLUMNS} FROM notification n
      WHERE n.recipient_id = $1 AND n.read_at IS NULL AND n.created_at < $2
        AND n.created_at > now() - make_interval(days => $3)
        AND NOT EXISTS (SELECT 1 FROM mail_delivery d WHERE d.recipient_id = n.recipient_id AND n.id = ANY(d.notification_ids))
      ORDER BY n.created_at, n.id`,
    [recipientId, before, DIGEST_LOOKBACK_DAYS],
  );
  return rows.map(notificationViewOf);
}
