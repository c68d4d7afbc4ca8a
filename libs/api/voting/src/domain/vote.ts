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

/**
 * The outcome the cast ballots already settle, whatever the electors who have not voted
 * do (vote either way, or not at all before the deadline); null while it can still change.
 * Approved: the quorum is reached and APPROVE outnumbers REJECT even if every remaining
 * elector rejects. Rejected: the quorum is reached and APPROVE cannot outnumber REJECT
 * even if every remaining elector approves. NO_QUORUM is never settled early: the quorum
 * is at most the electorate, so the remaining electors could always reach it.
 */
export function settledOutcome(
  tally: Tally,
  quorum: number,
  threshold: VoteThreshold,
  electorateSize: number,
): VoteOutcome | null {
  if (tally.cast < quorum) return null;
  const remaining = Math.max(0, electorateSize - tally.cast);
  switch (threshold) {
    case VoteThreshold.SIMPLE_MAJORITY:
      if (tally.approve > tally.reject + remaining) return VoteOutcome.APPROVED;
      if (tally.approve + remaining <= tally.reject) return VoteOutcome.REJECTED;
      return null;
  }
}

/**
 * What still stands between an open vote and an approval: the fewest more APPROVE
 * ballots that would settle it approved (0 when already settled so; null when no number
 * of approvals could, because too many electors rejected).
 */
export function approvalsStillNeeded(tally: Tally, quorum: number, electorateSize: number): number | null {
  const remaining = Math.max(0, electorateSize - tally.cast);
  for (let more = 0; more <= remaining; more++) {
    const approve = tally.approve + more;
    const cast = tally.cast + more;
    if (cast >= quorum && approve > tally.reject + (remaining - more)) return more;
  }
  return null;
}
