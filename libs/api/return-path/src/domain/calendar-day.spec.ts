import { calendarDay, shiftDay } from './calendar-day';

describe('calendarDay', () => {
  it('is the site’s day, not UTC’s', () => {
    const lateEvening = new Date('2026-03-01T23:30:00Z');
    expect(calendarDay(lateEvening, 'UTC')).toBe('2026-03-01');
    expect(calendarDay(lateEvening, 'Europe/Paris')).toBe('2026-03-02');
  });

  it('shifts across months and years', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });
});
