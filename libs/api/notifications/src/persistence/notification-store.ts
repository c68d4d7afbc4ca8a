import type { EntityManager } from 'typeorm';
import type { NotificationDraft, NotificationView } from '../domain/notification';

/** PostgreSQL channel of the "look" signals; the payload is the recipient's id, nothing else. */
export const NOTIFICATIONS_CHANNEL = 'pepite_notifications';

/** The columns `notificationViewOf` reads, from the table aliased `n`. */
export const NOTIFICATION_COLUMNS =
  'n.id, n.recipient_id, n.kind, n.subject_type, n.subject_id, n.params, n.read_at, n.created_at';

export interface NotificationRow {
  id: string;
  recipient_id: string;
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  params: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

export function notificationViewOf(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    recipientId: row.recipient_id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    params: row.params,
    readAt: row.read_at,
    createdAt: row.created_at,
  };
}

/**
 * Writes one row per recipient and queues one NOTIFY per recipient, in one statement: in
 * the caller's transaction, both commit together or not at all (PostgreSQL delivers
 * notifications on commit only).
 */
export async function insertNotifications(manager: EntityManager, draft: NotificationDraft): Promise<string[]> {
  if (draft.recipientIds.length === 0) return [];
  // `told` is joined so that it runs: one NOTIFY per recipient, and the new ids come back.
  const rows: { id: string }[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO notification (recipient_id, kind, subject_type, subject_id, params, tx_id)
       SELECT recipient, $2, $3, $4, $5::jsonb, pg_current_xact_id()::text::bigint
       FROM unnest($1::uuid[]) AS recipient
       RETURNING id, recipient_id
     ),
     told AS (SELECT count(pg_notify($6, recipient_id::text)) AS signals FROM (SELECT DISTINCT recipient_id FROM inserted) AS r)
     SELECT inserted.id FROM inserted CROSS JOIN told`,
    [
      draft.recipientIds,
      draft.kind,
      draft.subjectType,
      draft.subjectId,
      JSON.stringify(draft.params),
      NOTIFICATIONS_CHANNEL,
    ],
  );
  return rows.map((row) => row.id);
}

export interface PageQuery {
  readonly first: number;
  /** The id of the last notification of the previous page. */
  readonly afterId?: string | null;
  readonly unreadOnly: boolean;
}

/**
 * A recipient's notifications, newest first (created_at, then id), `first + 1` at most so
 * the caller knows whether more follow; `null` when `afterId` is not one of theirs.
 */
export async function readPage(
  manager: EntityManager,
  recipientId: string,
  query: PageQuery,
): Promise<NotificationView[] | null> {
  const parameters: unknown[] = [recipientId, query.first + 1];
  let after = '';
  if (query.afterId != null) {
    // The cursor row's own timestamp, at full precision (a JS Date would drop microseconds).
    const cursor: { created_at: string }[] = await manager.query(
      'SELECT created_at::text AS created_at FROM notification WHERE id = $1 AND recipient_id = $2',
      [query.afterId, recipientId],
    );
    if (!cursor[0]) return null;
    parameters.push(cursor[0].created_at, query.afterId);
    after = 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)';
  }
  const rows: NotificationRow[] = await manager.query(
    `SELECT ${NOTIFICATION_COLUMNS} FROM notification n
     WHERE n.recipient_id = $1 ${query.unreadOnly ? 'AND n.read_at IS NULL' : ''} ${after}
     ORDER BY n.created_at DESC, n.id DESC
     LIMIT $2`,
    parameters,
  );
  return rows.map(notificationViewOf);
}

export async function countUnread(manager: EntityManager, recipientId: string): Promise<number> {
  const rows: { count: number }[] = await manager.query(
    'SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL',
    [recipientId],
  );
  return rows[0]?.count ?? 0;
}

/** Marks the recipient's unread notifications among `ids` (or all of them) read; how many changed. */
export async function markRead(
  manager: EntityManager,
  recipientId: string,
  ids: readonly string[] | 'all',
): Promise<number> {
  const [sql, parameters] =
    ids === 'all'
      ? ['UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL', [recipientId]]
      : [
          'UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])',
          [recipientId, ids],
        ];
  const result: [unknown[], number] = await manager.query(sql, parameters);
  return result[1];
}

/** The database's snapshot now: which transactions had committed (`pg_snapshot` as text). */
export async function currentSnapshot(manager: EntityManager): Promise<string> {
  const rows: { snapshot: string }[] = await manager.query('SELECT pg_current_snapshot()::text AS snapshot');
  const snapshot = rows[0]?.snapshot;
  if (!snapshot) throw new Error('pg_current_snapshot() returned nothing');
  return snapshot;
}

/**
 * The recipient's notifications committed after `snapshot` was taken, oldest first, and
 * the snapshot of this very read (one statement, so one snapshot for both): passing it to
 * the next call yields exactly what committed in between, nothing twice, nothing skipped.
 */
export async function committedSince(
  manager: EntityManager,
  recipientId: string,
  snapshot: string,
): Promise<{ notifications: NotificationView[]; snapshot: string }> {
  const rows: (NotificationRow & { snapshot: string })[] = await manager.query(
    `SELECT pg_current_snapshot()::text AS snapshot, ${NOTIFICATION_COLUMNS}
     FROM (SELECT 1) AS now
     LEFT JOIN notification n
       ON n.recipient_id = $1
      AND n.tx_id >= pg_snapshot_xmin($2::pg_snapshot)::text::bigint
      AND NOT pg_visible_in_snapshot(n.tx_id::text::xid8, $2::pg_snapshot)
     ORDER BY n.created_at, n.id`,
    [recipientId, snapshot],
  );
  const next = rows[0]?.snapshot;
  if (!next) throw new Error('pg_current_snapshot() returned nothing');
  return { notifications: rows.filter((row) => row.id !== null).map(notificationViewOf), snapshot: next };
}
