/** A manager's choice on a proposal's frozen revision. */
export enum VoteChoice {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  ABSTAIN = 'ABSTAIN',
}

/** How the cast ballots decide, once the quorum is reached. Room is left for others. */
export enum VoteThreshold {
  /** More APPROVE than REJECT among the cast ballots; abstentions count for the quorum only. */
  SIMPLE_MAJORITY = 'SIMPLE_MAJORITY',
}

export enum VoteStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum VoteOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** Fewer ballots (abstentions included) than the quorum at the deadline. */
  NO_QUORUM = 'NO_QUORUM',
  /** Called off by its opener or an admin. */
  CANCELLED = 'CANCELLED',
}

export interface Tally {
  readonly approve: number;
  readonly reject: number;
  readonly abstain: number;
  readonly cast: number;
}

export const VOTE_LIMITS = {
  /** A vote lasts at most this long. */
  maxDurationMs: 30 * 24 * 60 * 60 * 1000,
  /** A REJECT ballot's reason, trimmed. */
  minReasonLength: 10,
  maxReasonLength: 2000,
} as const;

export function tallyOf(choices: readonly VoteChoice[]): Tally {
  const count = (choice: VoteChoice) => choices.filter((c) => c === choice).length;
  return {
    approve: count(VoteChoice.APPROVE),
    reject: count(VoteChoice.REJECT),
    abstain: count(VoteChoice.ABSTAIN),
    cast: choices.length,
  };
}

/** The default quorum: half the electorate, rounded up (at least one). */
export function defaultQuorum(electorateSize: number): number {
  return Math.max(1, Math.ceil(electorateSize / 2));
}

/** The outcome of a vote closed with this tally (not CANCELLED, which is an act). */
export function outcomeOf(tally: Tally, quorum: number, threshold: VoteThreshold): VoteOutcome {
  if (tally.cast < quorum) return VoteOutcome.NO_QUORUM;
  switch (threshold) {
    case VoteThreshold.SIMPLE_MAJORITY:
      return tally.approve > tally.reject ? VoteOutcome.APPROVED : VoteOutcome.REJECTED;
  }
}
