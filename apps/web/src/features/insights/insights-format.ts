import i18n from '../../i18n/i18n';
import { formatNumber } from '../../ui/format';

/** A lead time as people say it: hours under two days, days (one decimal) beyond. */
export function formatDuration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  if (hours < 48) return i18n.t('insights:hours', { value: formatNumber(hours, { maximumFractionDigits: 0 }) });
  return i18n.t('insights:days', { value: formatNumber(hours / 24, { maximumFractionDigits: 1 }) });
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return formatNumber(ratio, { style: 'percent', maximumFractionDigits: 0 });
}

/** `2026-11` → "novembre 2026" / "November 2026". */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

/** `2026-11-23` (a Monday, UTC) → "23 nov. 2026". */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A people count folded below 3 by the API: "moins de 3". */
export function formatPeople(people: { count?: number | null; fewerThanThree: boolean }): string {
  if (people.fewerThanThree || people.count === null || people.count === undefined) {
    return i18n.t('insights:participation.fewerThanThree');
  }
  return formatNumber(people.count);
}
