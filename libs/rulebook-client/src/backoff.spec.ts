import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles up to the cap, with the jitter in [d/2, d]', () => {
    const top = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(() => top.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
    const bottom = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    expect([1, 2, 3, 4, 5].map(() => bottom.next())).toEqual([50, 100, 200, 400, 500]);
  });

  it('draws every delay inside the window with the real random source', () => {
    const backoff = new Backoff({ initialDelayMs: 100, maxDelayMs: 800 });
    for (const ceiling of [100, 200, 400, 800, 800, 800]) {
      const delay = backoff.next();
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it('starts again from the initial delay after a reset', () => {
    const backoff = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    backoff.next();
    backoff.next();
    expect(backoff.attempts).toBe(2);
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(100);
  });

  it("takes a server's retry as the base, still capped", () => {
    const backoff = new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect(backoff.next(300)).toBe(300);
    expect(backoff.next(300)).toBe(600);
    expect(backoff.next(300)).toBe(1000);
    expect(new Backoff({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 }).next(60_000)).toBe(1000);
  });

  it('refuses nonsensical settings', () => {
    expect(() => new Backoff({ initialDelayMs: 0, maxDelayMs: 10 })).toThrow(RangeError);
    expect(() => new Backoff({ initialDelayMs: 100, maxDelayMs: 10 })).toThrow(RangeError);
  });
});
