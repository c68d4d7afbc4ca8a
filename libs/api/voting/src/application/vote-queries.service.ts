import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { ProposalErrors, ProposalStatus, ProposalWorkflow } from '@pepite/api/proposals';
import type { VoteEntity } from '../persistence/vote.entity';
import { ballotsByManager, ballotsOf, latestApproval, latestVote, votesByIds } from '../persistence/vote-store';
import { VotingErrors } from '../voting.errors';
import { voteView } from './vote-mapping';
import type { ApprovalRecord, BallotView, VoteView } from './vote-views';

export const MAX_MY_BALLOTS = 100;

/** Reading votes: a proposal's vote as the caller may see it, one's own ballots, approvals. */
@Injectable()
export class VoteQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalWorkflow,
    private readonly directory: UserDirectoryService,
  ) {}

  /** The proposal's latest vote (open, or the last closed), as the caller may see it; null when none. */
  async proposalVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView | null> {
    const proposal = await this.proposals.getProposal(proposalId);
    if (caller.role !== Role.ADMIN && proposal.siteId !== caller.siteId) throw ProposalErrors.notFound();
    const vote = await latestVote(this.dataSource.manager, proposal.id);
    return vote ? this.viewOf(caller, vote) : null;
  }

  /** The vote with this id as it is now (what a replayed or finished command answers). */
  async voteById(caller: AuthenticatedUser, voteId: string): Promise<VoteView> {
    const vote = (await votesByIds(this.dataSource.manager, [voteId])).get(voteId);
    if (!vote) throw VotingErrors.voteNotFound();
    return this.viewOf(caller, vote);
  }

  /** The caller's own ballots, last changed first. */
  async myBallots(caller: AuthenticatedUser, first = 50): Promise<BallotView[]> {
    const limit = Math.min(Math.max(1, Math.trunc(first)), MAX_MY_BALLOTS);
    const ballots = await ballotsByManager(this.dataSource.manager, caller.id, limit);
    const votes = await votesByIds(this.dataSource.manager, [...new Set(ballots.map((b) => b.voteId))]);
    return ballots.map((b) => ({
      voteId: b.voteId,
      proposalId: votes.get(b.voteId)?.proposalId ?? '',
      choice: b.choice,
      reason: b.reason,
      castAt: b.castAt,
      updatedAt: b.updatedAt,
      manager: { id: caller.id, displayName: caller.displayName },
    }));
  }

  /**
   * For the publication context: the vote that approved the proposal's current revision,
   * or null when the proposal is not APPROVED by a vote on that revision.
   */
  async approvalOf(proposalId: string, manager?: EntityManager): Promise<ApprovalRecord | null> {
    const proposal = await this.proposals.getProposal(proposalId, manager);
    if (proposal.status !== ProposalStatus.APPROVED && proposal.status !== ProposalStatus.PUBLISHED) return null;
    const vote = await latestApproval(manager ?? this.dataSource.manager, proposal.id);
    if (!vote || vote.revisionNumber !== proposal.currentRevision || !vote.closedAt || !vote.tally) return null;
    return {
      voteId: vote.id,
      proposalId: vote.proposalId,
      revision: vote.revisionNumber,
      closedAt: vote.closedAt,
      tally: vote.tally,
    };
  }

  async viewOf(caller: AuthenticatedUser, vote: VoteEntity): Promise<VoteView> {
    const ballots = await ballotsOf(this.dataSource.manager, vote.id);
    const names = new Map(
      (await this.directory.getUsers(ballots.map((b) => b.managerId))).map((u) => [u.id, u.displayName]),
    );
    return voteView(caller, vote, ballots, names);
  }
}
