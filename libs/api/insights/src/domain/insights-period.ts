/** How far back the insights look when no period is given, and the longest period allowed. */
export const INSIGHTS_LIMITS = {
  defaultDays: 90,
  maxDays: 731,
  topRules: 10,
  /** "Did it work?": pépins filed this many days before vs after a rule changed. */
  refiledWindowDays: 30,
  /** Changed rules shown, most recent first. */
  maxChanges: 20,
  /** A count of people below this is folded into "fewer than 3" (it could point at someone). */
  anonymityThreshold: 3,
} as const;

const DAY_MS = 86_400_000;

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** The period asked for, completed: `to` defaults to now, `from` to 90 days before `to`; null when invalid. */
export function resolvePeriod(now: Date, from?: Date | null, to?: Date | null): Period | null {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - INSIGHTS_LIMITS.defaultDays * DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  if (start.getTime() >= end.getTime()) return null;
  if (end.getTime() - start.getTime() > INSIGHTS_LIMITS.maxDays * DAY_MS) return null;
  return { from: start, to: end };
}

/** Days from `at` to `now`, capped at `windowDays` (at least a tiny positive span). */
export function daysElapsed(at: Date, now: Date, windowDays: number): number {
  const days = (now.getTime() - at.getTime()) / DAY_MS;
  return Math.min(windowDays, Math.max(days, 0));
}

/** A share in [0, 1], or null when there is nothing to share out. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
