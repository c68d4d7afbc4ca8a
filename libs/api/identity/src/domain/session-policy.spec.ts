import { judgeRefreshToken } from './session-policy';

const policy = { lifetimeHours: 12, idleMinutes: 180 };
const start = new Date('2026-03-02T06:00:00Z');
const fresh = { familyStartedAt: start, issuedAt: start, replacedAt: null, revokedAt: null };
const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);

describe('judgeRefreshToken', () => {
  it('accepts a token renewed within the idle window, all through a 10-hour shift', () => {
    for (let hour = 1; hour <= 10; hour++) {
      expect(judgeRefreshToken({ ...fresh, issuedAt: at(hour - 1) }, at(hour), policy)).toBe('valid');
    }
  });

  it('calls a replaced token presented again a reuse, before any other check', () => {
    expect(judgeRefreshToken({ ...fresh, replacedAt: at(1) }, at(1.5), policy)).toBe('reused');
    expect(judgeRefreshToken({ ...fresh, replacedAt: at(1) }, at(40), policy)).toBe('reused');
  });

  it('refuses a revoked token', () => {
    expect(judgeRefreshToken({ ...fresh, revokedAt: at(1) }, at(1), policy)).toBe('revoked');
  });

  it('refuses a token unused for longer than the idle timeout', () => {
    expect(judgeRefreshToken(fresh, at(2.9), policy)).toBe('valid');
    expect(judgeRefreshToken(fresh, at(3), policy)).toBe('idle');
  });

  it('refuses any token of a sign-in older than its lifetime', () => {
    expect(judgeRefreshToken({ ...fresh, issuedAt: at(11.5) }, at(12), policy)).toBe('expired');
  });
});
