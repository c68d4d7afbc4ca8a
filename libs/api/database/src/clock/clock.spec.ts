import { Clock } from './clock';

describe('clock', () => {
  it('follows the system time', () => {
    const before = Date.now();
    const now = new Clock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('moves forward only when built controllable', () => {
    const clock = new Clock(true);
    clock.advance(72 * 3_600_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(72 * 3_600_000 - 1_000);
    expect(() => new Clock().advance(1)).toThrow(/cannot be moved/);
  });
});
