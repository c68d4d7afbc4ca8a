import type { Notice, NoticeSubject } from './pepin-notices';

/**
 * The promise to operators: every pépin is acknowledged within the site's `ackSlaHours`.
 * Past it, the team's managers are told (level 1); a day later, the site's admins (level 2).
 */
export const ACKNOWLEDGEMENT_PROMISE = {
  adminAfterHours: 24,
  /** The site's managers are reminded this long before the deadline. */
  reminderBeforeHours: 24,
  maxLevel: 2,
} as const;

/** Which level is due for a NEW pépin at `now`, if any beyond the one it has. */
export function dueEscalationLevel(ackDueAt: Date, level: number, now: Date): 1 | 2 | null {
  const late = now.getTime() - ackDueAt.getTime();
  if (late <= 0) return null;
  if (level === 0) return 1;
  if (level === 1 && late > ACKNOWLEDGEMENT_PROMISE.adminAfterHours * 3_600_000) return 2;
  return null;
}

function hoursLate(ackDueAt: Date, now: Date): number {
  return Math.max(1, Math.floor((now.getTime() - ackDueAt.getTime()) / 3_600_000));
}

/** What the managers (level 1) or the admins (level 2) are told. */
export function escalationNotice(level: 1 | 2, pepin: NoticeSubject, ackDueAt: Date, now: Date): Notice {
  return {
    kind: level === 1 ? 'PEPIN_ACK_OVERDUE' : 'PEPIN_ACK_OVERDUE_ADMIN',
    params: { reference: pepin.reference, title: pepin.title, hoursLate: hoursLate(ackDueAt, now) },
  };
}

/** What the reporter is told the first time: the promise is late, and someone was told. */
export function reporterLateNotice(pepin: NoticeSubject): Notice {
  return { kind: 'PEPIN_ACK_LATE', params: { reference: pepin.reference, title: pepin.title } };
}

/** What the site's managers are told 24 hours before the deadline. */
export function dueSoonNotice(pepin: NoticeSubject, ackDueAt: Date): Notice {
  return { kind: 'PEPIN_ACK_DUE_SOON', params: { reference: pepin.reference, title: pepin.title, dueAt: ackDueAt.toISOString() } };
}
