import { AdvisorySet, isExpired, isSuperseded } from './advisory-set';
import { advisory, newKeys, release, rule } from './testing/fixtures';

const keys = newKeys();
const NOW = Date.parse('2026-03-01T00:00:00Z');

describe('advisories', () => {
  const v3 = release(keys, 3, [rule('A', { revision: 2 }), rule('B')], { amended: ['A'] });

  it('expire at expiresAt, and an unreadable date counts as expired', () => {
    expect(isExpired(advisory(keys, 1, 'A', { expiresAt: '2026-03-01T00:00:01Z' }), NOW)).toBe(false);
    expect(isExpired(advisory(keys, 1, 'A', { expiresAt: '2026-03-01T00:00:00Z' }), NOW)).toBe(true);
    expect(isExpired(advisory(keys, 1, 'A', { expiresAt: 'soon' }), NOW)).toBe(true);
  });

  it('are superseded by a later release that amends or retires their rule', () => {
    expect(isSuperseded(advisory(keys, 1, 'A', { releaseVersion: 2 }), v3.snapshot)).toBe(true);
    expect(isSuperseded(advisory(keys, 1, 'A', { releaseVersion: 3 }), v3.snapshot)).toBe(false);
    expect(isSuperseded(advisory(keys, 1, 'B', { releaseVersion: 2 }), v3.snapshot)).toBe(false);
    expect(isSuperseded(advisory(keys, 1, 'B', { releaseVersion: 2 }), undefined)).toBe(false);
  });

  it('the set announces only new active ones, and filters by time as it passes', () => {
    let now = NOW;
    const set = new AdvisorySet(() => now);
    const soon = advisory(keys, 2, 'B', { expiresAt: '2026-03-02T00:00:00Z', releaseVersion: 3 });
    const late = advisory(keys, 1, 'B', { releaseVersion: 3 });
    expect(set.replace([soon, late], v3.snapshot)).toEqual([late, soon]);
    expect(set.replace([soon, late], v3.snapshot)).toEqual([]);
    expect(set.add(late, v3.snapshot)).toBe(false);
    expect(set.add(advisory(keys, 3, 'A', { releaseVersion: 2 }), v3.snapshot)).toBe(false);
    expect(set.active(v3.snapshot).map((entry) => entry.seq)).toEqual([1, 2]);
    now = Date.parse('2026-03-03T00:00:00Z');
    expect(set.active(v3.snapshot).map((entry) => entry.seq)).toEqual([1]);
    expect(set.entries().map((entry) => entry.seq)).toEqual([1]);
  });

  it('prunes what a new release supersedes', () => {
    const set = new AdvisorySet(() => NOW);
    set.add(advisory(keys, 1, 'A', { releaseVersion: 2 }), undefined);
    set.add(advisory(keys, 2, 'B', { releaseVersion: 2 }), undefined);
    expect(set.prune(v3.snapshot)).toBe(true);
    expect(set.entries().map((entry) => entry.ruleKey)).toEqual(['B']);
    expect(set.prune(v3.snapshot)).toBe(false);
  });
});
