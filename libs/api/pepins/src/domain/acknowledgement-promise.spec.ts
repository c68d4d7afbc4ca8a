import { dueEscalationLevel, escalationNotice, reporterLateNotice } from './acknowledgement-promise';

const hour = 3_600_000;
const due = new Date('2026-11-20T10:00:00Z');
const at = (hours: number) => new Date(due.getTime() + hours * hour);

describe('the acknowledgement promise', () => {
  it('escalates to the team once the deadline passes, to the site a day later, then stops', () => {
    expect(dueEscalationLevel(due, 0, at(-1))).toBeNull();
    expect(dueEscalationLevel(due, 0, at(0))).toBeNull();
    expect(dueEscalationLevel(due, 0, at(0.1))).toBe(1);
    expect(dueEscalationLevel(due, 1, at(23))).toBeNull();
    expect(dueEscalationLevel(due, 1, at(24.5))).toBe(2);
    expect(dueEscalationLevel(due, 0, at(48))).toBe(1);
    expect(dueEscalationLevel(due, 2, at(500))).toBeNull();
  });

  it('says how late and names the pépin (the renderer words it)', () => {
    const notice = escalationNotice(2, { reference: 'PEP-000042', title: 'Rappel impossible' }, due, at(30));
    expect(notice).toEqual({
      kind: 'PEPIN_ACK_OVERDUE_ADMIN',
      params: { reference: 'PEP-000042', title: 'Rappel impossible', hoursLate: 30 },
    });
    expect(reporterLateNotice({ reference: 'PEP-000042', title: 'x' }).kind).toBe('PEPIN_ACK_LATE');
  });
});
