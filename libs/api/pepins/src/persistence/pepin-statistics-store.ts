import type { EntityManager } from 'typeorm';

/**
 * The SQL behind `PepinStatistics`: every figure is aggregated by PostgreSQL, one statement
 * per figure, and no row ever leaves with a reporter's or supporter's id.
 */

export interface LeadTimeRow {
  /** `YYYY-MM` (UTC), or null for the whole period (the ROLLUP row). */
  readonly month: string | null;
  readonly count: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

export interface AcknowledgementRow {
  /** Monday of the ISO week `YYYY-MM-DD` (UTC), or null for the whole period. */
  readonly week: string | null;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
}

export interface RuleFrictionRow {
  readonly ruleKey: string;
  readonly pepinCount: number;
  readonly openCount: number;
  readonly supportCount: number;
}

export interface FiledAroundRow {
  readonly before: number;
  readonly after: number;
}

export interface PepinActivityRow {
  readonly filers: number;
  readonly supporters: number;
  readonly active: number;
}

const OPEN = `('NEW', 'ACKNOWLEDGED', 'IN_DESIGN', 'IN_VOTE')`;

/** Filed → PUBLISHED (the first PUBLISHED line of the history), per month and overall. */
export async function leadTimes(db: EntityManager, siteId: string, from: Date, to: Date): Promise<LeadTimeRow[]> {
  const rows: { month: string | null; count: number; median: number | null; p90: number | null }[] = await db.query(
    `WITH published AS (
       SELECT e.at, EXTRACT(EPOCH FROM (e.at - p.created_at)) / 3600.0 AS hours
         FROM pepin p
         JOIN LATERAL (SELECT min(ev.at) AS at FROM pepin_event ev
                        WHERE ev.pepin_id = p.id AND ev.to_status = 'PUBLISHED') e ON e.at IS NOT NULL
        WHERE p.site_id = $1 AND p.status = 'PUBLISHED' AND e.at >= $2 AND e.at < $3)
     SELECT to_char(date_trunc('month', at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
            count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
       FROM published
      GROUP BY ROLLUP (1)
      ORDER BY 1 NULLS FIRST`,
    [siteId, from, to],
  );
  return rows.map((row) => ({
    month: row.month,
    count: row.count,
    medianHours: row.median === null ? null : Number(row.median),
    p90Hours: row.p90 === null ? null : Number(row.p90),
  }));
}

/**
 * The acknowledgement promise for pépins due in the period: answered on time, late, or still
 * NEW past the deadline at `now`. The answer is the acknowledgement, or for a pépin declined
 * or merged straight from NEW, that first move out of NEW.
 */
export async function acknowledgements(
  db: EntityManager,
  siteId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<AcknowledgementRow[]> {
  const rows: { week: string | null; on_time: number; late: number; overdue: number }[] = await db.query(
    `WITH due AS (
       SELECT p.ack_due_at AS due_at,
              COALESCE(p.acknowledged_at,
                       (SELECT min(ev.at) FROM pepin_event ev WHERE ev.pepin_id = p.id AND ev.from_status = 'NEW')) AS answered_at
         FROM pepin p
        WHERE p.site_id = $1 AND p.ack_due_at >= $2 AND p.ack_due_at < $3),
     judged AS (
       SELECT due_at,
              CASE WHEN answered_at IS NOT NULL AND answered_at <= due_at THEN 'ON_TIME'
                   WHEN answered_at IS NOT NULL THEN 'LATE'
                   WHEN due_at < $4 THEN 'OVERDUE'
                   ELSE 'NOT_DUE' END AS verdict
         FROM due)
     SELECT to_char(date_trunc('week', due_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
            count(*) FILTER (WHERE verdict = 'ON_TIME')::int AS on_time,
            count(*) FILTER (WHERE verdict = 'LATE')::int AS late,
            count(*) FILTER (WHERE verdict = 'OVERDUE')::int AS overdue
       FROM judged
      WHERE verdict <> 'NOT_DUE'
      GROUP BY ROLLUP (1)
      ORDER BY 1 NULLS FIRST`,
    [siteId, from, to, now],
  );
  return rows.map((row) => ({ week: row.week, onTime: row.on_time, late: row.late, overdue: row.overdue }));
}

/** Rules with the most pépins filed in the period (duplicates left out: they count once, on the original). */
export async function rulesByFriction(
  db: EntityManager,
  siteId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<RuleFrictionRow[]> {
  const rows: { rule_key: string; pepins: number; open: number; supports: number }[] = await db.query(
    `SELECT rule_key,
            count(*)::int AS pepins,
            count(*) FILTER (WHERE status IN ${OPEN})::int AS open,
            COALESCE(sum(support_count), 0)::int AS supports
       FROM pepin
      WHERE site_id = $1 AND rule_key IS NOT NULL AND status <> 'DUPLICATE'
        AND created_at >= $2 AND created_at < $3
      GROUP BY rule_key
      ORDER BY pepins DESC, supports DESC, rule_key
      LIMIT $4`,
    [siteId, from, to, limit],
  );
  return rows.map((row) => ({
    ruleKey: row.rule_key,
    pepinCount: row.pepins,
    openCount: row.open,
    supportCount: row.supports,
  }));
}

/**
 * For each (rule, moment of change): pépins filed on that rule in the `windowDays` before
 * and after it (the after window stops at `now`). Every filing counts, duplicates included:
 * a second report of the same snag is friction too.
 */
export async function filedAround(
  db: EntityManager,
  siteId: string,
  changes: readonly { ruleKey: string; at: Date }[],
  windowDays: number,
  now: Date,
): Promise<FiledAroundRow[]> {
  if (changes.length === 0) return [];
  const rows: { i: string; before: number; after: number }[] = await db.query(
    `SELECT c.i,
            count(p.id) FILTER (WHERE p.created_at < c.at)::int AS before,
            count(p.id) FILTER (WHERE p.created_at >= c.at AND p.created_at < $5)::int AS after
       FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS c(rule_key, at, i)
       LEFT JOIN pepin p
         ON p.site_id = $1 AND p.rule_key = c.rule_key
        AND p.created_at >= c.at - make_interval(days => $4)
        AND p.created_at < c.at + make_interval(days => $4)
      GROUP BY c.i
      ORDER BY c.i`,
    [siteId, changes.map((c) => c.ruleKey), changes.map((c) => c.at), windowDays, now],
  );
  return rows.map((row) => ({ before: row.before, after: row.after }));
}

/**
 * Distinct operators who filed, who said "me too", and who did either, in each of the given
 * spans (in their order). Callers pass fixed calendar buckets, never a window a reader chose:
 * two windows one pépin apart would tell whether its reporter acted elsewhere in them.
 */
export async function pepinActivityPerSpan(
  db: EntityManager,
  siteId: string,
  spans: readonly { from: Date; to: Date }[],
): Promise<PepinActivityRow[]> {
  if (spans.length === 0) return [];
  const rows: { filers: number; supporters: number; active: number }[] = await db.query(
    `WITH span AS (SELECT * FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS s(lo, hi, i)),
     acts AS (
       SELECT span.i, p.reporter_id AS person, true AS filed FROM span
         JOIN pepin p ON p.site_id = $1 AND p.created_at >= span.lo AND p.created_at < span.hi
       UNION ALL
       SELECT span.i, s.supporter_id, false FROM span
         JOIN pepin_support s ON s.created_at >= span.lo AND s.created_at < span.hi
         JOIN pepin p ON p.id = s.pepin_id AND p.site_id = $1)
     SELECT span.i,
            count(DISTINCT acts.person) FILTER (WHERE acts.filed)::int AS filers,
            count(DISTINCT acts.person) FILTER (WHERE NOT acts.filed)::int AS supporters,
            count(DISTINCT acts.person)::int AS active
       FROM span LEFT JOIN acts ON acts.i = span.i
      GROUP BY span.i
      ORDER BY span.i`,
    [siteId, spans.map((span) => span.from), spans.map((span) => span.to)],
  );
  return rows.map((row) => ({ filers: row.filers, supporters: row.supporters, active: row.active }));
}
