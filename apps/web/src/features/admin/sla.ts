export const SLA_MIN_HOURS = 1;
export const SLA_MAX_HOURS = 720;

/** Hours as days, to one decimal ("72" → 3, "36" → 1.5): managers think of the promise in days. */
export function slaDays(hours: number): number {
  return Math.round((hours / 24) * 10) / 10;
}
