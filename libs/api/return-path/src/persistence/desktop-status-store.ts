import type { EntityManager } from 'typeorm';
import type { ActiveOperatorRow } from '../domain/adoption';
import { FLOOR_CHANGES_CHANNEL } from './floor-change-signal';

export interface StatusReport {
  readonly userId: string;
  readonly desktopId: string;
  readonly siteId: string;
  readonly teamId: string | null;
  readonly releaseVersion: number;
  readonly appliedAt: Date;
  readonly reportedAt: Date;
}

/**
 * Reports written in one statement, idempotent: the same report again only moves
 * `reported_at` (the heartbeat); the release and its time only move forward, so a late report
 * of an older release (a desktop back online) cannot undo a newer one; the uptake row is
 * written once. Several reports of one desktop in the batch are merged first (one statement
 * may not update a row twice), and rows go in key order, so that two instances writing
 * overlapping batches lock rows in the same order and never deadlock.
 *
 * The sites where an operator ran a release for the first time (what moves the managers'
 * adoption figures) are announced on `FLOOR_CHANGES_CHANNEL` by the same statement, delivered
 * at its commit, and returned. One statement rather than a transaction of five (begin, two
 * upserts, the notification, commit): during a storm each round trip cost the API's thread
 * about as much as the rows it carried (bench/status-storm.mjs).
 */
export async function recordStatuses(runner: Pick<EntityManager, 'query'>, reports: readonly StatusReport[]): Promise<string[]> {
  if (reports.length === 0) return [];
  const desktops = mergedPerDesktop(reports);
  const uptake = mergedPerUptake(reports);
  const moved: { site: string }[] = await runner.query(
    `WITH statuses AS (
       INSERT INTO desktop_status (user_id, desktop_id, site_id, team_id, release_version, applied_at, reported_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::timestamptz[], $7::timestamptz[])
       ORDER BY 1, 2
       ON CONFLICT (user_id, desktop_id) DO UPDATE SET
         site_id = EXCLUDED.site_id,
         team_id = EXCLUDED.team_id,
         applied_at = CASE WHEN EXCLUDED.release_version > desktop_status.release_version
                           THEN EXCLUDED.applied_at ELSE desktop_status.applied_at END,
         release_version = GREATEST(desktop_status.release_version, EXCLUDED.release_version),
         reported_at = GREATEST(desktop_status.reported_at, EXCLUDED.reported_at)
     ), firsts AS (
       INSERT INTO release_uptake (user_id, release_version, site_id, first_applied_at)
       SELECT * FROM unnest($8::uuid[], $9::int[], $10::uuid[], $11::timestamptz[])
       ORDER BY 1, 2
       ON CONFLICT (user_id, release_version) DO NOTHING
       RETURNING site_id
     )
     SELECT site, pg_notify($12, site)::text AS notified
       FROM (SELECT DISTINCT site_id::text AS site FROM firsts) AS moved
      ORDER BY site`,
    [
      ...columns(desktops, (r) => [r.userId, r.desktopId, r.siteId, r.teamId, r.releaseVersion, r.appliedAt, r.reportedAt]),
      ...columns(uptake, (r) => [r.userId, r.releaseVersion, r.siteId, r.appliedAt]),
      FLOOR_CHANGES_CHANNEL,
    ],
  );
  return moved.map((row) => row.site);
}

/** One report per desktop: the highest release (its first time applied), the latest report time. */
function mergedPerDesktop(reports: readonly StatusReport[]): StatusReport[] {
  const merged = new Map<string, StatusReport>();
  for (const report of reports) {
    const key = `${report.userId}/${report.desktopId}`;
    const known = merged.get(key);
    if (!known) {
      merged.set(key, report);
      continue;
    }
    const newer = report.releaseVersion > known.releaseVersion;
    const same = report.releaseVersion === known.releaseVersion;
    const base = newer ? report : known;
    merged.set(key, {
      ...base,
      siteId: report.reportedAt >= known.reportedAt ? report.siteId : known.siteId,
      teamId: report.reportedAt >= known.reportedAt ? report.teamId : known.teamId,
      appliedAt: same && report.appliedAt < known.appliedAt ? report.appliedAt : base.appliedAt,
      reportedAt: report.reportedAt > known.reportedAt ? report.reportedAt : known.reportedAt,
    });
  }
  return [...merged.values()];
}

/** One row per operator and release: the earliest time applied. */
function mergedPerUptake(reports: readonly StatusReport[]): StatusReport[] {
  const merged = new Map<string, StatusReport>();
  for (const report of reports) {
    const key = `${report.userId}/${report.releaseVersion}`;
    const known = merged.get(key);
    if (!known || report.appliedAt < known.appliedAt) merged.set(key, report);
  }
  return [...merged.values()];
}

/** Rows as one array per column, for `unnest`. */
function columns(rows: readonly StatusReport[], pick: (row: StatusReport) => unknown[]): unknown[][] {
  const out: unknown[][] = [];
  for (const row of rows) {
    pick(row).forEach((value, index) => (out[index] ??= []).push(value));
  }
  return out;
}

/**
 * Operators of the site whose desktops reported since `activeSince`, one row each: their team
 * (from their latest report), whether all those desktops run `version` or later, and when one
 * of their desktops first did.
 */
export async function activeOperators(
  tx: EntityManager,
  siteId: string,
  version: number,
  activeSince: Date,
): Promise<ActiveOperatorRow[]> {
  const rows: { team_id: string | null; running: boolean; took_at: Date | null }[] = await tx.query(
    `WITH active AS (
       SELECT user_id,
              (array_agg(team_id ORDER BY reported_at DESC))[1] AS team_id,
              min(release_version) AS lowest
         FROM desktop_status
        WHERE site_id = $1 AND reported_at >= $3
        GROUP BY user_id
     )
     SELECT a.team_id, a.lowest >= $2 AS running,
            (SELECT min(u.first_applied_at) FROM release_uptake u
              WHERE u.user_id = a.user_id AND u.release_version >= $2) AS took_at
       FROM active a`,
    [siteId, version, activeSince],
  );
  return rows.map((row) => ({ teamId: row.team_id, running: row.running, tookAt: row.took_at }));
}

/**
 * Stale desktops of the site per team: silent since `silentBefore`, or still behind `version`
 * although it was published before `behindBefore`. Only desktops seen since `seenSince`.
 */
export async function staleDesktopsPerTeam(
  tx: EntityManager,
  siteId: string,
  version: number,
  bounds: { silentBefore: Date; behindSince: boolean; seenSince: Date },
): Promise<Map<string | null, number>> {
  const rows: { team_id: string | null; stale: number }[] = await tx.query(
    `SELECT team_id, count(*)::int AS stale
       FROM desktop_status
      WHERE site_id = $1 AND reported_at >= $4
        AND (reported_at < $3 OR ($5 AND release_version < $2))
      GROUP BY team_id`,
    [siteId, version, bounds.silentBefore, bounds.seenSince, bounds.behindSince],
  );
  return new Map(rows.map((row) => [row.team_id, row.stale]));
}

/** Deletes desktop statuses silent since `before` and uptake rows older than it; returns the rows deleted. */
export async function purgeStatuses(tx: EntityManager, before: Date): Promise<number> {
  const [, statuses] = (await tx.query('DELETE FROM desktop_status WHERE reported_at < $1', [before])) as [unknown, number];
  const [, uptake] = (await tx.query('DELETE FROM release_uptake WHERE first_applied_at < $1', [before])) as [unknown, number];
  return statuses + uptake;
}
