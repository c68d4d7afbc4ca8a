import { INSIGHTS_LIMITS } from './insights-period';

/**
 * A number of people as managers may see it: 1 or 2 could point at someone (anonymity,
 * docs/design.md), so those are folded into "fewer than 3" with no number.
 */
export interface PeopleCount {
  /** The count, or null when folded. */
  readonly count: number | null;
  readonly fewerThanThree: boolean;
}

export function peopleCount(count: number): PeopleCount {
  if (count > 0 && count < INSIGHTS_LIMITS.anonymityThreshold) return { count: null, fewerThanThree: true };
  return { count, fewerThanThree: false };
}
