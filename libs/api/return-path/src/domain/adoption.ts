/**
 * Who has a release, as managers see it (issue 19). Plain arithmetic over the rows the store
 * reads: one row per operator seen in the active window, never per desktop, so that an
 * operator with two desktops counts once.
 */

/** Operators are "active" when one of their desktops reported within this window. */
export const ACTIVE_WINDOW_HOURS = 12;

export interface ActiveOperatorRow {
  readonly teamId: string | null;
  /** Every desktop of theirs seen in the window has applied the release (or a later one). */
  readonly running: boolean;
  /** When a desktop of theirs first applied the release or a later one; null if never. */
  readonly tookAt: Date | null;
}

export interface AdoptionCounts {
  readonly active: number;
  readonly running: number;
}

export interface AdoptionFigures extends AdoptionCounts {
  /** Hours from publication until half of today's active operators had it; null until then. */
  readonly hoursTo50: number | null;
  readonly hoursTo95: number | null;
  readonly teams: ReadonlyMap<string | null, AdoptionCounts>;
}

export function adoptionFigures(rows: readonly ActiveOperatorRow[], publishedAt: Date): AdoptionFigures {
  const teams = new Map<string | null, { active: number; running: number }>();
  for (const row of rows) {
    const team = teams.get(row.teamId) ?? { active: 0, running: 0 };
    team.active += 1;
    if (row.running) team.running += 1;
    teams.set(row.teamId, team);
  }
  const took = rows.flatMap((row) => (row.tookAt ? [row.tookAt.getTime()] : [])).sort((a, b) => a - b);
  return {
    active: rows.length,
    running: rows.filter((row) => row.running).length,
    hoursTo50: hoursToShare(took, rows.length, publishedAt, 0.5),
    hoursTo95: hoursToShare(took, rows.length, publishedAt, 0.95),
    teams,
  };
}

/**
 * Hours from publication to the moment `share` of the `active` operators had taken the
 * release: the time the k-th of them took it, k = ⌈share × active⌉. Null until reached.
 */
export function hoursToShare(sortedTook: readonly number[], active: number, publishedAt: Date, share: number): number | null {
  const needed = Math.ceil(share * active);
  if (needed === 0 || sortedTook.length < needed) return null;
  const at = sortedTook[needed - 1] as number;
  return Math.max(0, (at - publishedAt.getTime()) / 3_600_000);
}

/** running / active, or null with nobody active. */
export function share(counts: AdoptionCounts): number | null {
  return counts.active === 0 ? null : counts.running / counts.active;
}
