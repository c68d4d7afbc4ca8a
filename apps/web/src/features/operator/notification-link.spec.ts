import { describe, expect, it } from '@jest/globals';
import { notificationTarget } from './notification-link';

describe('notificationTarget (where a notification leads)', () => {
  it('takes an operator to their own pépin and a manager to the triage page of the same pépin', () => {
    const about = { subjectType: 'PEPIN', subjectId: 'p1', params: { reference: 'PEP-000041' } };
    expect(notificationTarget(about, 'OPERATOR')).toEqual({ to: '/my-pepins/p1', kind: 'PEPIN' });
    expect(notificationTarget(about, 'MANAGER')).toEqual({ to: '/triage/p1', kind: 'PEPIN' });
  });

  it('leads a double écoute to its pépin, named in the parameters, and a proposal to its page', () => {
    const session = { subjectType: 'LISTENING_SESSION', subjectId: 's1', params: { pepinId: 'p7' } };
    expect(notificationTarget(session, 'OPERATOR')).toEqual({ to: '/my-pepins/p7', kind: 'LISTENING_SESSION' });
    expect(notificationTarget({ subjectType: 'PROPOSAL', subjectId: 'x', params: {} }, 'MANAGER')).toEqual({
      to: '/proposals/x',
      kind: 'PROPOSAL',
    });
  });

  it('offers no link rather than a broken one when the subject is missing or unknown', () => {
    expect(notificationTarget({ subjectType: 'PEPIN', subjectId: null, params: {} }, 'OPERATOR')).toBeNull();
    expect(notificationTarget({ subjectType: 'LISTENING_SESSION', subjectId: 's1', params: {} }, 'MANAGER')).toBeNull();
    expect(notificationTarget({ subjectType: 'RELEASE', subjectId: '3', params: {} }, 'OPERATOR')).toBeNull();
  });
});
