import { defaultQuorum, outcomeOf, tallyOf, VoteChoice, VoteOutcome, VoteThreshold } from './vote';

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
});
