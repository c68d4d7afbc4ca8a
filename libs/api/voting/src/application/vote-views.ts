import type { Tally, VoteChoice, VoteOutcome, VoteStatus, VoteThreshold } from '../domain/vote';

export interface BallotView {
  readonly voteId: string;
  readonly proposalId: string;
  readonly choice: VoteChoice;
  readonly reason: string | null;
  readonly castAt: Date;
  readonly updatedAt: Date;
  readonly manager: { readonly id: string; readonly displayName: string };
}

/** A vote as one caller may see it: hidden parts are null. */
export interface VoteView {
  readonly id: string;
  readonly proposalId: string;
  readonly revision: number;
  readonly openedAt: Date;
  readonly closesAt: Date;
  readonly closedAt: Date | null;
  readonly quorum: number;
  readonly threshold: VoteThreshold;
  readonly resultsHidden: boolean;
  readonly electorateSize: number;
  readonly castCount: number;
  readonly status: VoteStatus;
  readonly outcome: VoteOutcome | null;
  /** Null while the results are hidden and the vote open, and for operators before the close. */
  readonly tally: Tally | null;
  /** The REJECT ballots' reasons, once closed. */
  readonly rejectReasons: readonly string[] | null;
  readonly myBallot: BallotView | null;
  /** Managers and admins only; null while the results are hidden and the vote open. */
  readonly ballots: readonly BallotView[] | null;
  /**
   * Open votes whose tally the caller sees: the fewest more APPROVE ballots that would
   * settle it approved (0: settled; null: no number could, or hidden, or closed).
   */
  readonly approvalsNeeded: number | null;
  /** The caller may call it off now (its opener, an admin; open votes only). */
  readonly canCancel: boolean;
  /** The caller may close it early now: `canCancel` and the quorum reached. */
  readonly canClose: boolean;
}

/** What the publication context needs to know of an approval. */
export interface ApprovalRecord {
  readonly voteId: string;
  readonly proposalId: string;
  /** The revision the vote approved (the proposal's current one when it is still APPROVED). */
  readonly revision: number;
  readonly closedAt: Date;
  readonly tally: Tally;
}
