import { Args, GraphQLISODateTime, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AnyRole, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ProposalQueries, ProposalType } from '@pepite/api/proposals';
import { MAX_MY_BALLOTS } from '../application/vote-queries.service';
import { VotingService } from '../application/voting.service';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../application/idempotency-keys';
import { VoteChoice } from '../domain/vote';
import { BallotType, VoteType } from './vote.type';

@Resolver(() => VoteType)
export class VotingResolver {
  constructor(
    private readonly voting: VotingService,
    private readonly proposals: ProposalQueries,
  ) {}

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => ProposalType, {
    description:
      'Opens a vote of the site’s managers on an IN_DESIGN proposal’s current revision (frozen until the close); the proposal and its pépins go IN_VOTE.',
  })
  async openVote(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('closesAt', { type: () => GraphQLISODateTime }) closesAt: Date,
    @Args('quorum', { type: () => Int, nullable: true, description: 'Default: half the electorate, rounded up.' })
    quorum?: number | null,
    @Args('resultsHidden', {
      type: () => Boolean,
      nullable: true,
      description: 'Hide the tally and ballots until the close.',
    })
    resultsHidden?: boolean | null,
    @Args('idempotencyKey', { type: () => String, nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
    idempotencyKey?: string | null,
  ): Promise<ProposalType> {
    await this.voting.openVote(caller, { proposalId, closesAt, quorum, resultsHidden, idempotencyKey });
    return ProposalType.of(await this.proposals.proposal(caller, proposalId));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => BallotType, {
    description:
      'Casts or changes the caller’s ballot on the proposal’s open vote (electors only; REJECT needs a reason).',
  })
  async castVote(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('choice', { type: () => VoteChoice }) choice: VoteChoice,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<BallotType> {
    return BallotType.of(await this.voting.castVote(caller, proposalId, choice, reason));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => VoteType, {
    description: 'Calls off the open vote (its opener or an admin): the proposal goes back to design.',
  })
  async cancelVote(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('proposalId', { type: () => ID }) proposalId: string,
  ): Promise<VoteType> {
    return VoteType.of(await this.voting.cancelVote(caller, proposalId));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => VoteType, {
    description:
      'Closes the open vote before its deadline (its opener or an admin), once the quorum is reached: the ballots cast decide.',
  })
  async closeVote(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('proposalId', { type: () => ID }) proposalId: string,
  ): Promise<VoteType> {
    return VoteType.of(await this.voting.closeVote(caller, proposalId));
  }

  @AnyRole()
  @Query(() => VoteType, {
    nullable: true,
    description: 'The proposal’s latest vote (open or last closed); null when none.',
  })
  async proposalVote(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('proposalId', { type: () => ID }) proposalId: string,
  ): Promise<VoteType | null> {
    const view = await this.voting.proposalVote(caller, proposalId);
    return view ? VoteType.of(view) : null;
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Query(() => [BallotType], {
    description: `The caller’s own ballots, last changed first (at most ${MAX_MY_BALLOTS}).`,
  })
  async myBallots(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
  ): Promise<BallotType[]> {
    return (await this.voting.myBallots(caller, first ?? 50)).map((b) => BallotType.of(b));
  }
}
