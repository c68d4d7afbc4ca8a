import {
  approvalsStillNeeded,
  defaultQuorum,
  outcomeOf,
  settledOutcome,
  tallyOf,
  VoteChoice,
  VoteOutcome,
  VoteThreshold,
} from './vote';

const { APPROVE, REJECT, ABSTAIN } = VoteChoice;

describe('vote rules', () => {
  it('defaults the quorum to half the electorate, rounded up', () => {
    expect([1, 2, 3, 4, 50].map(defaultQuorum)).toEqual([1, 1, 2, 2, 25]);
  });

  it('counts abstentions for the quorum only', () => {
    const tally = tallyOf([APPROVE, ABSTAIN, ABSTAIN]);
    expect(tally).toEqual({ approve: 1, reject: 0, abstain: 2, cast: 3 });
    expect(outcomeOf(tally, 3, VoteThreshold.SIMPLE_MAJORITY)).toBe(VoteOutcome.APPROVED);
    expect(outcomeOf(tally, 4, VoteThreshold.SIMPLE_MAJORITY)).toBe(VoteOutcome.NO_QUORUM);
  });

  it('rejects on a tie or more REJECT than APPROVE', () => {
    expect(outcomeOf(tallyOf([APPROVE, REJECT]), 1, VoteThreshold.SIMPLE_MAJORITY)).toBe(VoteOutcome.REJECTED);
    expect(outcomeOf(tallyOf([REJECT]), 1, VoteThreshold.SIMPLE_MAJORITY)).toBe(VoteOutcome.REJECTED);
    expect(outcomeOf(tallyOf([ABSTAIN]), 1, VoteThreshold.SIMPLE_MAJORITY)).toBe(VoteOutcome.REJECTED);
  });

  it('settles a vote once the electors who have not voted cannot change its outcome', () => {
    const settle = (choices: VoteChoice[], quorum: number, electorate: number) =>
      settledOutcome(tallyOf(choices), quorum, VoteThreshold.SIMPLE_MAJORITY, electorate);
    // The reported case: 2 of 3 approve, quorum 2: the third ballot cannot undo it.
    expect(settle([APPROVE, APPROVE], 2, 3)).toBe(VoteOutcome.APPROVED);
    expect(settle([APPROVE], 2, 3)).toBeNull();
    expect(settle([APPROVE], 1, 3)).toBeNull(); // two rejections would still win
    expect(settle([REJECT, REJECT], 2, 3)).toBe(VoteOutcome.REJECTED);
    expect(settle([APPROVE, REJECT], 2, 3)).toBeNull();
    expect(settle([APPROVE, ABSTAIN], 2, 3)).toBeNull(); // a rejection would tie: rejected
    expect(settle([APPROVE, ABSTAIN, REJECT], 3, 3)).toBe(VoteOutcome.REJECTED);
    expect(settle([APPROVE, APPROVE, APPROVE], 5, 5)).toBeNull(); // quorum not reached
  });

  it('counts the approvals still needed', () => {
    expect(approvalsStillNeeded(tallyOf([APPROVE]), 2, 3)).toBe(1);
    expect(approvalsStillNeeded(tallyOf([]), 2, 3)).toBe(2);
    expect(approvalsStillNeeded(tallyOf([APPROVE, APPROVE]), 2, 3)).toBe(0);
    expect(approvalsStillNeeded(tallyOf([REJECT, REJECT]), 2, 3)).toBeNull();
    expect(approvalsStillNeeded(tallyOf([REJECT]), 2, 3)).toBe(2);
  });
});
