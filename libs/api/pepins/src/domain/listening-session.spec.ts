import { listeningStepAllowed, ListeningSessionStatus, scheduleProblem } from './listening-session';

const { REQUESTED, SCHEDULED, DONE, CANCELLED } = ListeningSessionStatus;

describe('double écoute steps', () => {
  it.each([
    ['SCHEDULE', [REQUESTED, SCHEDULED]],
    ['WRITE_NOTES', [REQUESTED, SCHEDULED, DONE]],
    ['COMPLETE', [SCHEDULED]],
    ['CANCEL', [REQUESTED, SCHEDULED]],
  ] as const)('%s is allowed from %p only', (step, allowed) => {
    for (const status of [REQUESTED, SCHEDULED, DONE, CANCELLED]) {
      expect([status, listeningStepAllowed(status, step)]).toEqual([
        status,
        (allowed as readonly string[]).includes(status),
      ]);
    }
  });

  it('schedules in the future, within 90 days', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(scheduleProblem(new Date('2026-03-01T09:59:59Z'), now)).toBe('PAST');
    expect(scheduleProblem(now, now)).toBe('PAST');
    expect(scheduleProblem(new Date('invalid'), now)).toBe('PAST');
    expect(scheduleProblem(new Date('2026-03-02T10:00:00Z'), now)).toBeNull();
    expect(scheduleProblem(new Date('2026-06-01T10:00:00Z'), now)).toBe('TOO_FAR');
  });
});
