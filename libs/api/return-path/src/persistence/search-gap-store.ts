import type { EntityManager } from 'typeorm';

/** Counts one more unanswered search: one statement, no read first. */
export async function countSearchGap(tx: EntityManager, siteId: string, day: string, query: string): Promise<void> {
  await tx.query(
    `INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, $2, $3, 1)
     ON CONFLICT (site_id, day, query) DO UPDATE SET searches = search_gap.searches + 1`,
    [siteId, day, query],
  );
}

export interface SearchGapRow {
  readonly query: string;
  readonly total: number;
  /** The last 7 days of the period, and the 7 before. */
  readonly recent: number;
  readonly previous: number;
  readonly days: readonly { day: string; searches: number }[];
}

/** How often a search must recur before managers see it (SEARCH_GAP_MIN_DAYS, SEARCH_GAP_MIN_SEARCHES). */
export interface SearchGapThreshold {
  readonly minDays: number;
  readonly minSearches: number;
}

/**
 * The most searched unanswered queries of the site over `[from, to]` (days), with their daily
 * counts; only those searched on `minDays` distinct days and `minSearches` times in the period.
 */
export async function topSearchGaps(
  tx: EntityManager,
  siteId: string,
  period: { from: string; to: string; recentFrom: string; previousFrom: string },
  threshold: SearchGapThreshold,
  limit: number,
): Promise<SearchGapRow[]> {
  const rows: { query: string; total: number; recent: number; previous: number; days: { day: string; searches: number }[] }[] =
    await tx.query(
      `SELECT query,
              sum(searches)::int AS total,
              coalesce(sum(searches) FILTER (WHERE day >= $4::date), 0)::int AS recent,
              coalesce(sum(searches) FILTER (WHERE day >= $5::date AND day < $4::date), 0)::int AS previous,
              json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'searches', searches) ORDER BY day) AS days
         FROM search_gap
        WHERE site_id = $1 AND day BETWEEN $2::date AND $3::date
        GROUP BY query
       HAVING count(*) >= $7 AND sum(searches) >= $8
        ORDER BY total DESC, query
        LIMIT $6`,
      [siteId, period.from, period.to, period.recentFrom, period.previousFrom, limit, threshold.minDays, threshold.minSearches],
    );
  return rows;
}

/** Whether managers see this search over `[from, to]`: recorded, and above the threshold. */
export async function isVisibleSearchGap(
  tx: EntityManager,
  siteId: string,
  query: string,
  period: { from: string; to: string },
  threshold: SearchGapThreshold,
): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `SELECT 1 FROM search_gap WHERE site_id = $1 AND query = $2 AND day BETWEEN $3::date AND $4::date
     HAVING count(*) >= $5 AND sum(searches) >= $6`,
    [siteId, query, period.from, period.to, threshold.minDays, threshold.minSearches],
  );
  return rows.length > 0;
}

/** Forgets a search on the site, every day of it. */
export async function eraseSearchGap(tx: EntityManager, siteId: string, query: string): Promise<void> {
  await tx.query('DELETE FROM search_gap WHERE site_id = $1 AND query = $2', [siteId, query]);
}

/** Deletes the days before `before`'s date; returns the rows deleted. */
export async function purgeSearchGaps(tx: EntityManager, before: Date): Promise<number> {
  const [, deleted] = (await tx.query(`DELETE FROM search_gap WHERE day < ($1::timestamptz AT TIME ZONE 'UTC')::date`, [
    before,
  ])) as [unknown, number];
  return deleted;
}
