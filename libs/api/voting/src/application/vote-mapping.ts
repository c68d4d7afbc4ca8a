import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { approvalsStillNeeded, tallyOf, VoteStatus } from '../domain/vote';
import type { BallotEntity } from '../persistence/ballot.entity';
import type { VoteEntity } from '../persistence/vote.entity';
import type { BallotView, VoteView } from './vote-views';

/** Who may close an open vote early or call it off: its opener, or an admin. */
export function mayEndEarly(caller: Pick<AuthenticatedUser, 'id' | 'role'>, vote: VoteEntity): boolean {
  return caller.role === Role.ADMIN || vote.openedBy === caller.id;
}

/**
 * A vote as `caller` may see it: operators never see ballots, nor the tally before the
 * close; nobody sees them while the vote is open with hidden results. What is still
 * needed (`approvalsNeeded`) is a function of the tally, so it is hidden with it.
 */
export function voteView(
  caller: AuthenticatedUser,
  vote: VoteEntity,
  ballots: readonly BallotEntity[],
  names: ReadonlyMap<string, string>,
): VoteView {
  const open = vote.status === VoteStatus.OPEN;
  const operator = caller.role === Role.OPERATOR;
  const hidden = open && (vote.resultsHidden || operator);
  const toView = (b: BallotEntity): BallotView => ({
    voteId: vote.id,
    proposalId: vote.proposalId,
    choice: b.choice,
    reason: b.reason,
    castAt: b.castAt,
    updatedAt: b.updatedAt,
    manager: { id: b.managerId, displayName: names.get(b.managerId) ?? '' },
  });
  const mine = ballots.find((b) => b.managerId === caller.id);
  const liveTally = tallyOf(ballots.map((b) => b.choice));
  const endsEarly = open && !operator && mayEndEarly(caller, vote);
  return {
    id: vote.id,
    proposalId: vote.proposalId,
    revision: vote.revisionNumber,
    openedAt: vote.openedAt,
    closesAt: vote.closesAt,
    closedAt: vote.closedAt,
    quorum: vote.quorum,
    threshold: vote.threshold,
    resultsHidden: vote.resultsHidden,
    electorateSize: vote.electorateSize,
    castCount: ballots.length,
    status: vote.status,
    outcome: vote.outcome,
    tally: hidden ? null : (vote.tally ?? liveTally),
    rejectReasons: open ? null : (vote.rejectReasons ?? []),
    myBallot: mine ? toView(mine) : null,
    ballots: operator || (open && vote.resultsHidden) ? null : ballots.map(toView),
    approvalsNeeded: open && !hidden ? approvalsStillNeeded(liveTally, vote.quorum, vote.electorateSize) : null,
    canCancel: endsEarly,
    canClose: endsEarly && ballots.length >= vote.quorum,
  };
}

/** The caller's own ballot, as `castVote` returns it. */
export function ownBallotView(ballot: BallotEntity, proposalId: string, caller: AuthenticatedUser): BallotView {
  return {
    voteId: ballot.voteId,
    proposalId,
    choice: ballot.choice,
    reason: ballot.reason,
    castAt: ballot.castAt,
    updatedAt: ballot.updatedAt,
    manager: { id: caller.id, displayName: caller.displayName },
  };
}
