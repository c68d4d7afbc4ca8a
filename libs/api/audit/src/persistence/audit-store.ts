import type { EntityManager } from 'typeorm';
import type { AuditActorRole, AuditEntryView, AuditFilter } from '../domain/audit-entry';

/** A row exactly as it is inserted (`id` and `at` come from the database). */
export interface AuditRow {
  readonly actorId: string | null;
  readonly actorRole: AuditActorRole;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly summary: { readonly fr: string; readonly en: string };
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestId: string | null;
}

interface StoredRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: AuditActorRole;
  action: string;
  subject_type: string;
  subject_id: string;
  summary_fr: string;
  summary_en: string;
  details: Record<string, unknown>;
  request_id: string | null;
}

/** The columns read back, `id` as text (a bigint does not fit a JS number for ever). */
const columns = (table: string) =>
  [
    'id::text AS id',
    'at',
    'actor_id',
    'actor_role',
    'action',
    'subject_type',
    'subject_id',
    'summary_fr',
    'summary_en',
    'details',
    'request_id',
  ]
    .map((column) => `${table}.${column}`)
    .join(', ');

function viewOf(row: StoredRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: { fr: row.summary_fr, en: row.summary_en },
    details: row.details,
    requestId: row.request_id,
  };
}

/** Appends one entry, in `manager`'s transaction when it is in one. */
export async function insertEntry(manager: EntityManager, row: AuditRow): Promise<AuditEntryView> {
  const rows: StoredRow[] = await manager.query(
    `INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, summary_fr, summary_en, details, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
     RETURNING ${columns('audit_entry')}`,
    [
      row.actorId,
      row.actorRole,
      row.action,
      row.subjectType,
      row.subjectId,
      row.summary.fr,
      row.summary.en,
      JSON.stringify(row.details),
      row.requestId,
    ],
  );
  const inserted = rows[0];
  if (!inserted) throw new Error('INSERT INTO audit_entry returned nothing');
  return viewOf(inserted);
}

/**
 * Entries matching every criterion of `filter`, newest first (by id), `limit` at most,
 * and only those older than the entry `beforeId` when given.
 */
export async function readPage(
  manager: EntityManager,
  filter: AuditFilter,
  limit: number,
  beforeId: string | null,
): Promise<AuditEntryView[]> {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const where = (sql: (placeholder: string) => string, value: unknown): void => {
    parameters.push(value);
    conditions.push(sql(`$${parameters.length}`));
  };
  if (filter.actorId != null) where((p) => `a.actor_id = ${p}::uuid`, filter.actorId);
  if (filter.action != null) where((p) => `a.action = ${p}`, filter.action);
  if (filter.subjectType != null) where((p) => `a.subject_type = ${p}`, filter.subjectType);
  if (filter.subjectId != null) where((p) => `a.subject_id = ${p}`, filter.subjectId);
  if (filter.from != null) where((p) => `a.at >= ${p}::timestamptz`, filter.from);
  if (filter.to != null) where((p) => `a.at < ${p}::timestamptz`, filter.to);
  if (beforeId !== null) where((p) => `a.id < ${p}::bigint`, beforeId);
  parameters.push(limit);
  const rows: StoredRow[] = await manager.query(
    `SELECT ${columns('a')} FROM audit_entry a
     ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY a.id DESC
     LIMIT $${parameters.length}`,
    parameters,
  );
  return rows.map(viewOf);
}
