import type { Period } from './insights-period';

/** A whole calendar month in a site's time zone, `[from, to)`. */
export interface CalendarMonth {
  /** `YYYY-MM`, in the site's time zone. */
  readonly month: string;
  readonly from: Date;
  readonly to: Date;
}

/** The longest list asked for: a 731-day period spans at most 25 months. */
const MAX_MONTHS = 25;

/**
 * The calendar months of `timeZone` that overlap the period and have ended by `now`.
 * Counts of people are given only over these (docs/decisions/0010-insights-anonymity.md):
 * the same month gives the same sets whatever window is asked, so no two answers differ by
 * one pépin, and a month still running is left out so its count cannot be watched move.
 */
export function closedMonths(period: Period, now: Date, timeZone: string): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  let [year, month] = localYearMonth(period.from, timeZone);
  let from = monthStart(year, month, timeZone);
  while (from < period.to && months.length < MAX_MONTHS) {
    const [nextYear, nextMonth] = month === 11 ? [year + 1, 0] : [year, month + 1];
    const to = monthStart(nextYear, nextMonth, timeZone);
    if (to > now) break;
    months.push({ month: `${year}-${String(month + 1).padStart(2, '0')}`, from, to });
    [year, month, from] = [nextYear, nextMonth, to];
  }
  return months;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, found);
  }
  return found;
}

/** The wall-clock fields of `at` in `timeZone`. */
function wallClock(
  at: number,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format(timeZone).formatToParts(new Date(at))) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return fields;
}

function localYearMonth(at: Date, timeZone: string): [number, number] {
  const { year, month } = wallClock(at.getTime(), timeZone);
  return [year, month - 1];
}

/** How far `timeZone` is ahead of UTC at the instant `at`, in ms. */
function offset(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const whole = at - (((at % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The instant the month begins (local midnight on the 1st; months never start in a DST gap). */
function monthStart(year: number, month: number, timeZone: string): Date {
  const local = Date.UTC(year, month, 1);
  const first = local - offset(local, timeZone);
  return new Date(local - offset(first, timeZone));
}
