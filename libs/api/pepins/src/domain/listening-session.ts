/** A double écoute: the operator and a manager they chose re-listen a call together. */
export enum ListeningSessionStatus {
  REQUESTED = 'REQUESTED',
  SCHEDULED = 'SCHEDULED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export const ACTIVE_LISTENING_STATUSES: readonly ListeningSessionStatus[] = [
  ListeningSessionStatus.REQUESTED,
  ListeningSessionStatus.SCHEDULED,
];

export type ListeningSessionStep = 'SCHEDULE' | 'WRITE_NOTES' | 'COMPLETE' | 'CANCEL';

/**
 * Which step each status allows: the manager schedules (and may reschedule), both write
 * notes until it is cancelled, the manager records the outcome once it was scheduled.
 */
const ALLOWED: Readonly<Record<ListeningSessionStep, readonly ListeningSessionStatus[]>> = {
  SCHEDULE: [ListeningSessionStatus.REQUESTED, ListeningSessionStatus.SCHEDULED],
  WRITE_NOTES: [ListeningSessionStatus.REQUESTED, ListeningSessionStatus.SCHEDULED, ListeningSessionStatus.DONE],
  COMPLETE: [ListeningSessionStatus.SCHEDULED],
  CANCEL: [ListeningSessionStatus.REQUESTED, ListeningSessionStatus.SCHEDULED],
};

export function listeningStepAllowed(status: ListeningSessionStatus, step: ListeningSessionStep): boolean {
  return ALLOWED[step].includes(status);
}

/** How far ahead a session may be scheduled. */
export const MAX_SCHEDULE_AHEAD_DAYS = 90;

/** Null when `at` is an acceptable time for a session planned at `now`. */
export function scheduleProblem(at: Date, now: Date): 'PAST' | 'TOO_FAR' | null {
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) return 'PAST';
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_DAYS * 24 * 3600 * 1000) return 'TOO_FAR';
  return null;
}
