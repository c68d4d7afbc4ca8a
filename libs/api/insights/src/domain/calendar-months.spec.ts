import { closedMonths } from './calendar-months';

describe('closed calendar months', () => {
  const now = new Date('2026-12-04T22:00:00Z');

  it('lists the whole months of the site’s time zone that overlap the period and have ended', () => {
    const months = closedMonths({ from: new Date('2026-09-15T10:00:00Z'), to: now }, now, 'Europe/Paris');
    expect(months.map((m) => [m.month, m.from.toISOString(), m.to.toISOString()])).toEqual([
      ['2026-09', '2026-08-31T22:00:00.000Z', '2026-09-30T22:00:00.000Z'],
      ['2026-10', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
      ['2026-11', '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'],
    ]);
  });

  it('gives the same months for windows 1 ms apart', () => {
    const a = closedMonths(
      { from: new Date('2026-10-10T08:00:00.000Z'), to: new Date('2026-11-20T08:00:00.000Z') },
      now,
      'Europe/Paris',
    );
    const b = closedMonths(
      { from: new Date('2026-10-10T08:00:00.001Z'), to: new Date('2026-11-20T08:00:00.001Z') },
      now,
      'Europe/Paris',
    );
    expect(b).toEqual(a);
  });

  it('follows the time zone: the same instant is in another month elsewhere', () => {
    const at = new Date('2026-10-31T23:30:00Z');
    const period = { from: at, to: new Date(at.getTime() + 1) };
    expect(closedMonths(period, now, 'Europe/Paris')[0]?.month).toBe('2026-11');
    expect(closedMonths(period, now, 'America/New_York')[0]?.month).toBe('2026-10');
    expect(closedMonths(period, now, 'America/New_York')[0]?.from.toISOString()).toBe('2026-10-01T04:00:00.000Z');
  });

  it('leaves out the month still running', () => {
    expect(closedMonths({ from: new Date('2026-12-01T10:00:00Z'), to: now }, now, 'Europe/Paris')).toEqual([]);
  });
});
