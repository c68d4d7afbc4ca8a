import { daysElapsed, resolvePeriod } from './insights-period';
import { peopleCount } from './people-count';

describe('insights period', () => {
  const now = new Date('2026-06-30T12:00:00Z');

  it('defaults to the 90 days up to now', () => {
    expect(resolvePeriod(now)).toEqual({ from: new Date('2026-04-01T12:00:00Z'), to: now });
  });

  it('refuses an empty, reversed or over-long period', () => {
    expect(resolvePeriod(now, now, now)).toBeNull();
    expect(resolvePeriod(now, new Date('2026-07-01T00:00:00Z'), now)).toBeNull();
    expect(resolvePeriod(now, new Date('2020-01-01T00:00:00Z'), now)).toBeNull();
  });

  it('caps elapsed days at the window', () => {
    expect(daysElapsed(new Date('2026-06-20T12:00:00Z'), now, 30)).toBe(10);
    expect(daysElapsed(new Date('2026-01-01T12:00:00Z'), now, 30)).toBe(30);
  });
});

describe('people counts', () => {
  it('folds 1 and 2 into "fewer than 3", keeps 0 and 3+', () => {
    expect(peopleCount(0)).toEqual({ count: 0, fewerThanThree: false });
    expect(peopleCount(1)).toEqual({ count: null, fewerThanThree: true });
    expect(peopleCount(2)).toEqual({ count: null, fewerThanThree: true });
    expect(peopleCount(3)).toEqual({ count: 3, fewerThanThree: false });
  });
});
