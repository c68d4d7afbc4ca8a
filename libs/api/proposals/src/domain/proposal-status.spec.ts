import { canTransition, isClosed, ProposalStatus, PROPOSAL_TRANSITIONS, statusAfterRevision } from './proposal-status';

const ALL = Object.values(ProposalStatus);

describe('the proposal state machine', () => {
  it('allows exactly the designed steps', () => {
    const legal = ALL.flatMap((from) => ALL.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(legal.sort()).toEqual(
      [
        'DRAFT→IN_DESIGN',
        'DRAFT→WITHDRAWN',
        'IN_DESIGN→IN_VOTE',
        'IN_DESIGN→WITHDRAWN',
        'IN_VOTE→APPROVED',
        'IN_VOTE→REJECTED',
        'IN_VOTE→IN_DESIGN',
        'APPROVED→PUBLISHED',
        'APPROVED→IN_DESIGN',
        'APPROVED→WITHDRAWN',
        'REJECTED→IN_DESIGN',
        'REJECTED→WITHDRAWN',
      ].sort(),
    );
  });

  it('closes PUBLISHED and WITHDRAWN for good', () => {
    expect(ALL.filter(isClosed)).toEqual([ProposalStatus.PUBLISHED, ProposalStatus.WITHDRAWN]);
    expect(PROPOSAL_TRANSITIONS[ProposalStatus.PUBLISHED]).toEqual([]);
  });

  it('revises in design, takes a voted proposal back to design, and refuses during a vote or once closed', () => {
    expect(ALL.map((status) => [status, statusAfterRevision(status)])).toEqual([
      ['DRAFT', 'DRAFT'],
      ['IN_DESIGN', 'IN_DESIGN'],
      ['IN_VOTE', null],
      ['APPROVED', 'IN_DESIGN'],
      ['REJECTED', 'IN_DESIGN'],
      ['PUBLISHED', null],
      ['WITHDRAWN', null],
    ]);
    // Every status change a revision makes is a legal transition.
    for (const status of ALL) {
      const next = statusAfterRevision(status);
      if (next !== null && next !== status) expect(canTransition(status, next)).toBe(true);
    }
  });
});
