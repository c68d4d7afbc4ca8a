import { requestFingerprint } from './idempotency';

describe('requestFingerprint', () => {
  it('ignores key order and undefined fields, and tells other input apart', () => {
    const a = requestFingerprint({ title: 'T', changes: [{ kind: 'AMEND', ruleKey: 'R-1' }], notes: undefined });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ changes: [{ ruleKey: 'R-1', kind: 'AMEND' }], title: 'T' })).toBe(a);
    expect(requestFingerprint({ changes: [{ ruleKey: 'R-1', kind: 'AMEND' }], title: 'U' })).not.toBe(a);
    expect(requestFingerprint({ changes: [{ ruleKey: 'R-1', kind: 'AMEND' }], title: 'T', notes: null })).not.toBe(a);
    expect(requestFingerprint(['b', 'a'])).not.toBe(requestFingerprint(['a', 'b']));
    expect(requestFingerprint({ at: new Date('2026-01-01T00:00:00Z') })).toBe(
      requestFingerprint({ at: '2026-01-01T00:00:00.000Z' }),
    );
  });
});
