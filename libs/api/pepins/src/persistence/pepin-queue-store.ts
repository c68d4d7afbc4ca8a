import type { EntityManager } from 'typeorm';
import type { Pepin } from '../domain/pepin';
import { PepinQueueOrder, queueSearch, type PepinQueueCursor, type PepinQueueFilter } from '../domain/pepin-queue';
import { ALL_PEPIN_STATUSES, type PepinStatus } from '../domain/pepin-status';
import { PEPIN_COLUMNS, pepinOf, type PepinRow } from './pepin-store';

export interface QueueScope {
  /** Null: every site (admins). */
  readonly siteId: string | null;
  /** What "overdue" is judged against: the application's clock, not the database's. */
  readonly now: Date;
}

export interface QueuePageRow {
  readonly pepin: Pepin;
  readonly cursor: PepinQueueCursor;
}

class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

function filtered(scope: QueueScope, filter: PepinQueueFilter, withStatus: boolean): Sql {
  const sql = new Sql();
  if (scope.siteId !== null) sql.where.push(`p.site_id = ${sql.param(scope.siteId)}`);
  if (withStatus && filter.statuses && filter.statuses.length > 0) {
    sql.where.push(`p.status = ANY(${sql.param([...new Set(filter.statuses)])}::pepin_status[])`);
  }
  if (filter.ruleKey) sql.where.push(`p.rule_key = ${sql.param(filter.ruleKey)}`);
  if (filter.category) sql.where.push(`lower(p.rule_category) = lower(${sql.param(filter.category)})`);
  if (filter.teamId) sql.where.push(`p.team_id = ${sql.param(filter.teamId)}`);
  if (filter.noRuleApplies != null) sql.where.push(`p.no_rule_applies = ${sql.param(filter.noRuleApplies)}`);
  if (filter.overdue === true) sql.where.push(`p.status = 'NEW' AND p.ack_due_at < ${sql.param(scope.now)}`);
  if (filter.overdue === false) sql.where.push(`NOT (p.status = 'NEW' AND p.ack_due_at < ${sql.param(scope.now)})`);
  if (filter.filedFrom) sql.where.push(`p.created_at >= ${sql.param(filter.filedFrom)}`);
  if (filter.filedTo) sql.where.push(`p.created_at < ${sql.param(filter.filedTo)}`);
  const search = filter.search ? queueSearch(filter.search) : null;
  if (search?.tsquery) {
    // pepin_search_idx (GIN), and the number's unique index for a reference.
    const text = `p.search @@ to_tsquery('french', pepite_unaccent(${sql.param(search.tsquery)}))`;
    sql.where.push(search.number === null ? text : `(${text} OR p.number = ${sql.param(search.number)})`);
  }
  return sql;
}

/** 0 while the pépin awaits acknowledgement (its deadline is ahead or overdue), else 1. */
const AWAITING_RANK = `(CASE WHEN p.status = 'NEW' THEN 0 ELSE 1 END)`;

const ORDER_BY: Record<PepinQueueOrder, string> = {
  [PepinQueueOrder.ACK_DUE_SOONEST]: `${AWAITING_RANK} ASC, p.ack_due_at ASC, p.id ASC`,
  [PepinQueueOrder.MOST_SUPPORTED]: 'p.support_count DESC, p.created_at ASC, p.id ASC',
  [PepinQueueOrder.OLDEST]: 'p.created_at ASC, p.id ASC',
  [PepinQueueOrder.NEWEST]: 'p.created_at DESC, p.id DESC',
};

function after(sql: Sql, cursor: PepinQueueCursor): string {
  const id = `${sql.param(cursor.id)}::uuid`;
  const at = `${sql.param(cursor.at)}::timestamptz`;
  switch (cursor.order) {
    case PepinQueueOrder.ACK_DUE_SOONEST:
      return `(${AWAITING_RANK}, p.ack_due_at, p.id) > (${sql.param(cursor.supports)}::int, ${at}, ${id})`;
    case PepinQueueOrder.MOST_SUPPORTED: {
      const supports = sql.param(cursor.supports);
      return `(p.support_count < ${supports} OR (p.support_count = ${supports} AND (p.created_at, p.id) > (${at}, ${id})))`;
    }
    case PepinQueueOrder.OLDEST:
      return `(p.created_at, p.id) > (${at}, ${id})`;
    case PepinQueueOrder.NEWEST:
      return `(p.created_at, p.id) < (${at}, ${id})`;
  }
}

function whereClause(sql: Sql, extra: string[] = []): string {
  const all = [...sql.where, ...extra];
  return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
}

/**
 * One page of the queue, `limit` rows at most. Orders depend on the pépin's own visible
 * fields only (dates, supports, the random id as a tie-breaker): never on who filed it.
 */
export async function queuePage(
  manager: EntityManager,
  scope: QueueScope,
  filter: PepinQueueFilter,
  order: PepinQueueOrder,
  limit: number,
  cursor: PepinQueueCursor | null,
): Promise<QueuePageRow[]> {
  const sql = filtered(scope, filter, true);
  const extra = cursor ? [after(sql, cursor)] : [];
  const rows: PepinRow[] = await manager.query(
    `SELECT ${PEPIN_COLUMNS} FROM pepin p ${whereClause(sql, extra)} ORDER BY ${ORDER_BY[order]} LIMIT ${sql.param(limit)}`,
    sql.params,
  );
  return rows.map((row) => ({
    pepin: pepinOf(row),
    cursor: {
      order,
      at: order === PepinQueueOrder.ACK_DUE_SOONEST ? row.ack_due_at_text : row.created_at_text,
      supports:
        order === PepinQueueOrder.MOST_SUPPORTED
          ? row.support_count
          : order === PepinQueueOrder.ACK_DUE_SOONEST && row.status !== 'NEW'
            ? 1
            : 0,
      id: row.id,
    },
  }));
}

/** Every status with its count under the filter, the status filter itself left out (tabs). */
export async function countsByStatus(
  manager: EntityManager,
  scope: QueueScope,
  filter: PepinQueueFilter,
): Promise<{ status: PepinStatus; count: number }[]> {
  const sql = filtered(scope, filter, false);
  const rows: { status: PepinStatus; count: string }[] = await manager.query(
    `SELECT p.status, count(*) AS count FROM pepin p ${whereClause(sql)} GROUP BY p.status`,
    sql.params,
  );
  const counts = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return ALL_PEPIN_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/** NEW pépins whose acknowledgement is due before `before`, most overdue first (for the SLA job). */
export async function dueForAcknowledgement(manager: EntityManager, before: Date, limit: number): Promise<Pepin[]> {
  const rows: PepinRow[] = await manager.query(
    `SELECT ${PEPIN_COLUMNS} FROM pepin p WHERE p.status = 'NEW' AND p.ack_due_at < $1 ORDER BY p.ack_due_at, p.id LIMIT $2`,
    [before, limit],
  );
  return rows.map(pepinOf);
}
