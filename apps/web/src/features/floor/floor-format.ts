import i18n from '../../i18n/i18n';
import { formatNumber } from '../../ui/format';

/** A people count folded below 3 by the API: "moins de 3". */
export function formatCount(people: { count?: number | null; fewerThanThree: boolean }): string {
  if (people.fewerThanThree || people.count === null || people.count === undefined)
    return i18n.t('floor:adoption.fewerThanThree');
  return formatNumber(people.count);
}

export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return formatNumber(ratio, { style: 'percent', maximumFractionDigits: 0 });
}

/** Hours under two days, days beyond. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return i18n.t('floor:adoption.notYet');
  if (hours < 48) return i18n.t('floor:adoption.hours', { value: formatNumber(hours, { maximumFractionDigits: 1 }) });
  return i18n.t('floor:adoption.days', { value: formatNumber(hours / 24, { maximumFractionDigits: 1 }) });
}
