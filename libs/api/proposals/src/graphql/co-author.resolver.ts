import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestBatcher } from '@pepite/api/graphql-kit';
import { Access, AnyRole, CurrentUser, Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { CoAuthorInvitations } from '../application/co-author-invitations.service';
import { ProposalQueries } from '../application/proposal-queries.service';
import { canManage } from '../application/proposal-views';
import { InviteCoAuthorArgs, InviteReporterArgs, RespondToCoAuthorInvitationArgs } from './proposal.inputs';
import { ProposalPersonType, ProposalType } from './proposal.type';

/** Co-author invitations, and whom a manager may invite by name. */
@Resolver(() => ProposalType)
export class CoAuthorResolver {
  constructor(
    private readonly invitations: CoAuthorInvitations,
    private readonly queries: ProposalQueries,
    private readonly directory: UserDirectoryService,
    private readonly batcher: RequestBatcher,
  ) {}

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => ProposalType, {
    description: 'Invites a manager or an operator of the site to co-author, by name: that co-author signs.',
  })
  async inviteCoAuthor(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { proposalId, userId }: InviteCoAuthorArgs,
  ): Promise<ProposalType> {
    return ProposalType.of(await this.invitations.inviteCoAuthor(caller, proposalId, userId));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => ProposalType, {
    description:
      'Invites the reporter of one of the proposal’s pépins to co-author, without telling the caller who that is; they may stay anonymous. Answers the same whoever the reporter is.',
  })
  async inviteReporter(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { proposalId, pepinId }: InviteReporterArgs,
  ): Promise<ProposalType> {
    return ProposalType.of(await this.invitations.inviteReporter(caller, proposalId, pepinId));
  }

  @AnyRole()
  @Mutation(() => ProposalType, {
    description:
      'Accepts or declines the caller’s invitation to co-author; an operator invited as a reporter stays anonymous unless they say so, one invited by name signs.',
  })
  async respondToCoAuthorInvitation(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { proposalId, accept, anonymous }: RespondToCoAuthorInvitationArgs,
  ): Promise<ProposalType> {
    return ProposalType.of(await this.invitations.respondToCoAuthorInvitation(caller, proposalId, accept, anonymous));
  }

  @ResolveField(() => [ProposalPersonType], {
    description:
      'Managers of the site and admins: the site’s active operators and managers they may invite by name (not themselves, not the co-authors shown by name). Empty for anyone else.',
  })
  async coAuthorCandidates(
    @CurrentUser() caller: AuthenticatedUser,
    @Parent() proposal: ProposalType,
    @Context() context: object,
  ): Promise<ProposalPersonType[]> {
    if (!canManage(caller, proposal.view.siteId)) return [];
    const viewer = proposal.view.viewer;
    const coAuthors =
      (await this.batcher.load(context, `coAuthors:${viewer.userId}`, proposal.id, (ids) =>
        this.queries.coAuthorsOf(ids, viewer),
      )) ?? [];
    // Only those this caller already sees by name: anything else would tell an anonymous co-author's name.
    const shown = new Set(
      coAuthors.flatMap((coAuthor) => (coAuthor.author.personId ? [coAuthor.author.personId] : [])),
    );
    const site = proposal.view.siteId;
    const people = [
      ...(await this.directory.listActiveUsers(site, Role.OPERATOR)),
      ...(await this.directory.listActiveUsers(site, Role.MANAGER)),
    ];
    return people
      .filter((person) => person.id !== caller.id && !shown.has(person.id))
      .map((person) => Object.assign(new ProposalPersonType(), { id: person.id, displayName: person.displayName }));
  }
}
