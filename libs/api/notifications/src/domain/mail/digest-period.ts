/** The daily digest goes out at this local hour, in each reader's site's time zone. */
export const DIGEST_LOCAL_HOUR = 8;

const DAY_MS = 86_400_000;

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The zone's offset from UTC at `at`, in milliseconds (Paris: +1 h in winter, +2 h in summer). */
function offsetAt(at: Date, timeZone: string): number {
  const local = localParts(at, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The instant a local wall-clock time names in `timeZone` (08:00 never falls in a DST gap). */
function instantOf(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(new Date(guess), timeZone);
  // Once more with the offset at the first answer: right on both sides of a change.
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

/** One digest period of one reader: the local date it is named by, and the instant it starts. */
export interface DigestPeriod {
  /** `YYYY-MM-DD`, the local date whose 08:00 closes the period. */
  readonly localDate: string;
  /** That 08:00 as an instant: the digest takes what happened before it. */
  readonly closesAt: Date;
}

/**
 * The latest digest time at or before `now` in `timeZone`: today's 08:00 if it has passed,
 * else yesterday's. Computed on the local calendar, so a period is 23 or 25 hours long
 * across a daylight-saving change and 08:00 stays 08:00.
 */
export function latestDigestPeriod(now: Date, timeZone: string): DigestPeriod {
  const today = localParts(now, timeZone);
  let closesAt = instantOf(today.year, today.month, today.day, DIGEST_LOCAL_HOUR, timeZone);
  let date = { year: today.year, month: today.month, day: today.day };
  if (closesAt.getTime() > now.getTime()) {
    // The local calendar's previous day (noon avoids any change hour).
    const yesterday = localParts(new Date(instantOf(today.year, today.month, today.day, 12, timeZone).getTime() - DAY_MS), timeZone);
    date = { year: yesterday.year, month: yesterday.month, day: yesterday.day };
    closesAt = instantOf(date.year, date.month, date.day, DIGEST_LOCAL_HOUR, timeZone);
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return { localDate: `${date.year}-${pad(date.month)}-${pad(date.day)}`, closesAt };
}
