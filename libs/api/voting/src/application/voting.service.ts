import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '@pepite/api/identity';
import type { VoteChoice } from '../domain/vote';
import { BallotBox } from './ballot-box.service';
import { VoteDeadlines } from './vote-deadlines.service';
import { VoteOpening, type OpenVoteCommand } from './vote-opening.service';
import { VoteQueries } from './vote-queries.service';
import type { ApprovalRecord, BallotView, VoteView } from './vote-views';

/**
 * The voting context's one entry point for the resolver, other contexts, the demo and the
 * tests. Each use case lives in the service named for its responsibility: opening
 * (`VoteOpening`), ballots and early ends (`BallotBox`), deadlines (`VoteDeadlines`),
 * reads (`VoteQueries`); closing itself is `VoteClosing`.
 */
@Injectable()
export class VotingService {
  constructor(
    private readonly opening: VoteOpening,
    private readonly ballots: BallotBox,
    private readonly deadlines: VoteDeadlines,
    private readonly queries: VoteQueries,
  ) {}

  openVote(caller: AuthenticatedUser, command: OpenVoteCommand): Promise<VoteView> {
    return this.opening.openVote(caller, command);
  }

  castVote(
    caller: AuthenticatedUser,
    proposalId: string,
    choice: VoteChoice,
    reason?: string | null,
  ): Promise<BallotView> {
    return this.ballots.castVote(caller, proposalId, choice, reason);
  }

  closeVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView> {
    return this.ballots.closeVote(caller, proposalId);
  }

  cancelVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView> {
    return this.ballots.cancelVote(caller, proposalId);
  }

  closeIfDue(voteId: string): Promise<boolean> {
    return this.deadlines.closeIfDue(voteId);
  }

  closeOverdueVotes(): Promise<number> {
    return this.deadlines.closeOverdueVotes();
  }

  proposalVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView | null> {
    return this.queries.proposalVote(caller, proposalId);
  }

  myBallots(caller: AuthenticatedUser, first = 50): Promise<BallotView[]> {
    return this.queries.myBallots(caller, first);
  }

  approvalOf(proposalId: string, manager?: EntityManager): Promise<ApprovalRecord | null> {
    return this.queries.approvalOf(proposalId, manager);
  }
}
