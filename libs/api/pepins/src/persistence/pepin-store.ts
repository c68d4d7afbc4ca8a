import type { EntityManager } from 'typeorm';
import { IDEMPOTENCY_TTL_HOURS } from '@pepite/api/database';
import type { Pepin, PepinReport } from '../domain/pepin';
import type { CustomerImpact, PepinStatus } from '../domain/pepin-status';
import { signalPepinChanged } from './pepin-change-signal';

/**
 * The pépin table in SQL. Timestamps go through as text where a cursor needs them, so
 * PostgreSQL's microseconds survive the round trip (a JavaScript Date keeps milliseconds).
 */
export const PEPIN_COLUMNS = `p.id, p.number::text AS number, p.site_id, p.team_id, p.reporter_id, p.signed, p.title, p.description,
  p.customer_impact, p.rule_key, p.rule_version, p.rule_category, p.no_rule_applies, p.call_reference, p.status, p.ack_due_at,
  p.acknowledged_at, p.escalation_level, p.support_count, p.duplicate_of, p.idempotency_key, p.content_hash, p.created_at,
  p.updated_at, p.ack_due_at::text AS ack_due_at_text, p.created_at::text AS created_at_text`;

export interface PepinRow {
  readonly id: string;
  readonly number: string;
  readonly site_id: string;
  readonly team_id: string | null;
  readonly reporter_id: string;
  readonly signed: boolean;
  readonly title: string;
  readonly description: string;
  readonly customer_impact: CustomerImpact;
  readonly rule_key: string | null;
  readonly rule_version: number | null;
  readonly rule_category: string | null;
  readonly no_rule_applies: boolean;
  readonly call_reference: string | null;
  readonly status: PepinStatus;
  readonly ack_due_at: Date;
  readonly acknowledged_at: Date | null;
  readonly escalation_level: number;
  readonly support_count: number;
  readonly duplicate_of: string | null;
  readonly idempotency_key: string | null;
  readonly content_hash: string;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly ack_due_at_text: string;
  readonly created_at_text: string;
}

export function pepinOf(row: PepinRow): Pepin {
  return {
    id: row.id,
    number: row.number,
    siteId: row.site_id,
    teamId: row.team_id,
    reporterId: row.reporter_id,
    signed: row.signed,
    title: row.title,
    description: row.description,
    customerImpact: row.customer_impact,
    ruleKey: row.rule_key,
    ruleVersion: row.rule_version,
    ruleCategory: row.rule_category,
    noRuleApplies: row.no_rule_applies,
    callReference: row.call_reference,
    status: row.status,
    ackDueAt: row.ack_due_at,
    acknowledgedAt: row.acknowledged_at,
    escalationLevel: row.escalation_level,
    supportCount: row.support_count,
    duplicateOf: row.duplicate_of,
    idempotencyKey: row.idempotency_key,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findPepins(manager: EntityManager, ids: readonly string[]): Promise<Pepin[]> {
  if (ids.length === 0) return [];
  const rows: PepinRow[] = await manager.query(`SELECT ${PEPIN_COLUMNS} FROM pepin p WHERE p.id = ANY($1::uuid[])`, [
    ids,
  ]);
  return rows.map(pepinOf);
}

/** Locks the rows for the rest of the transaction, in id order so two lockers never deadlock. */
export async function lockPepins(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Pepin>> {
  if (ids.length === 0) return new Map();
  const rows: PepinRow[] = await manager.query(
    `SELECT ${PEPIN_COLUMNS} FROM pepin p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, pepinOf(row)]));
}

export async function findByIdempotencyKey(
  manager: EntityManager,
  reporterId: string,
  key: string,
): Promise<Pepin | null> {
  const rows: PepinRow[] = await manager.query(
    `SELECT ${PEPIN_COLUMNS} FROM pepin p WHERE p.reporter_id = $1 AND p.idempotency_key = $2 AND ${LIVE_KEY}`,
    [reporterId, key],
  );
  return rows[0] ? pepinOf(rows[0]) : null;
}

/** A filing key is remembered 24 h (IDEMPOTENCY_TTL_HOURS), like every other idempotency key. */
const LIVE_KEY = `p.created_at > now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;

/**
 * Frees the reporter's key when the pépin that used it was filed more than 24 h ago, so the
 * key may serve a new filing (the old pépin keeps its content, not its key).
 */
export async function releaseExpiredIdempotencyKey(
  manager: EntityManager,
  reporterId: string,
  key: string,
): Promise<void> {
  await manager.query(
    `UPDATE pepin p SET idempotency_key = NULL WHERE p.reporter_id = $1 AND p.idempotency_key = $2 AND NOT (${LIVE_KEY})`,
    [reporterId, key],
  );
}

/** What a filing writes: the pépin's own fields, its site's deadline, and when. */
export type NewPepin = PepinReport &
  Pick<Pepin, 'siteId' | 'teamId' | 'reporterId' | 'signed' | 'callReference' | 'idempotencyKey' | 'contentHash'> & {
    readonly ackSlaHours: number;
    /** When it was filed (the acknowledgement is due `ackSlaHours` later); null: now(). */
    readonly at: Date | null;
  };

/**
 * Writes a new pépin and its FILED history line; null when the reporter already filed
 * one with this idempotency key (the row of a concurrent retry included: the insert waits
 * for that transaction and then does nothing).
 */
export async function insertPepin(manager: EntityManager, pepin: NewPepin): Promise<string | null> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO pepin (site_id, team_id, reporter_id, signed, title, description, customer_impact, rule_key, rule_version,
       rule_category, no_rule_applies, call_reference, status, ack_due_at, idempotency_key, content_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'NEW', COALESCE($16::timestamptz, now()) + make_interval(hours => $13),
       $14, $15, COALESCE($16::timestamptz, now()), COALESCE($16::timestamptz, now()))
     ON CONFLICT (reporter_id, idempotency_key) DO NOTHING
     RETURNING id`,
    [
      pepin.siteId,
      pepin.teamId,
      pepin.reporterId,
      pepin.signed,
      pepin.title,
      pepin.description,
      pepin.customerImpact,
      pepin.ruleKey,
      pepin.ruleVersion,
      pepin.ruleCategory,
      pepin.noRuleApplies,
      pepin.callReference,
      pepin.ackSlaHours,
      pepin.idempotencyKey,
      pepin.contentHash,
      pepin.at,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function updateStatus(
  manager: EntityManager,
  id: string,
  to: PepinStatus,
  extra: { duplicateOf?: string; acknowledged?: boolean; at?: Date | null } = {},
): Promise<void> {
  await manager.query(
    `UPDATE pepin SET status = $2, updated_at = COALESCE($5::timestamptz, now()),
       acknowledged_at = CASE WHEN $3 THEN COALESCE($5::timestamptz, now()) ELSE acknowledged_at END,
       duplicate_of = COALESCE($4, duplicate_of)
     WHERE id = $1`,
    [id, to, extra.acknowledged === true, extra.duplicateOf ?? null, extra.at ?? null],
  );
  await signalPepinChanged(manager, id);
}

/** Moves `updated_at` to `at` (now() when null or absent). */
export async function touch(manager: EntityManager, id: string, at: Date | null = null): Promise<void> {
  await manager.query(`UPDATE pepin SET updated_at = COALESCE($2::timestamptz, now()) WHERE id = $1`, [id, at]);
  await signalPepinChanged(manager, id);
}
