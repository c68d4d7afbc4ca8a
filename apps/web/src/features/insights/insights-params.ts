/** The periods offered, in days; the API defaults to 90. */
export const PERIODS = [30, 90, 365] as const;
export type PeriodDays = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: PeriodDays = 90;

export function readPeriod(value: string | null): PeriodDays {
  const days = Number(value);
  return PERIODS.find((period) => period === days) ?? DEFAULT_PERIOD;
}
