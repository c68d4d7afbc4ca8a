import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AnyRole, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ProposalAuthoring } from '../application/proposal-authoring.service';
import { ProposalDiscussion } from '../application/proposal-discussion.service';
import { ProposalQueries, revisionKey } from '../application/proposal-queries.service';
import type { RevisionView } from '../application/proposal-views';
import { ProposalErrors } from '../proposals.errors';
import { ProposalPeople } from './people';
import { ProposalDiffBase } from './proposal-enums';
import {
  CommentOnProposalInput,
  CreateProposalInput,
  DiffArgs,
  EndorseProposalArgs,
  ProposalIdArgs,
  ProposalsArgs,
  ReviseProposalArgs,
  RevisionNumberArgs,
} from './proposal.inputs';
import {
  ProposalAuthorType,
  ProposalCoAuthorshipType,
  ProposalCoAuthorType,
  ProposalCommentType,
  ProposalConnectionType,
  ProposalEndorsementType,
  ProposalPepinType,
  ProposalPersonType,
  ProposalRevisionType,
  ProposalType,
} from './proposal.type';
import { ProposalRuleDiffType } from './proposed-rule-change.type';
import { connectionOf, RequestBatcher } from '@pepite/api/graphql-kit';

@Resolver(() => ProposalType)
export class ProposalResolver {
  constructor(
    private readonly authoring: ProposalAuthoring,
    private readonly discussion: ProposalDiscussion,
    private readonly queries: ProposalQueries,
    private readonly people: ProposalPeople,
    private readonly batcher: RequestBatcher,
  ) {}

  @AnyRole()
  @Query(() => ProposalConnectionType, {
    description: 'Proposals of the caller’s site (admins: every site), newest first.',
  })
  async proposals(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() args: ProposalsArgs,
  ): Promise<ProposalConnectionType> {
    const page = await this.queries.proposals(caller, args.status ?? null, args.first, args.after ?? null);
    const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: ProposalType.of(edge.node) }));
    return { ...connectionOf(edges, page), totalCount: page.totalCount };
  }

  @AnyRole()
  @Query(() => ProposalType, { description: 'One proposal of the caller’s site (admins: any).' })
  async proposal(@CurrentUser() caller: AuthenticatedUser, @Args() { id }: ProposalIdArgs): Promise<ProposalType> {
    return ProposalType.of(await this.queries.proposal(caller, id));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => ProposalType, {
    description: 'Proposes rule changes answering ACKNOWLEDGED pépins of one site, which move to IN_DESIGN.',
  })
  async createProposal(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: CreateProposalInput,
  ): Promise<ProposalType> {
    return ProposalType.of(await this.authoring.createProposal(caller, input));
  }

  @AnyRole()
  @Mutation(() => ProposalType, {
    description:
      'A new revision with a note (managers of the site, admins, operator co-authors). Refused during a vote (ILLEGAL_TRANSITION).',
  })
  async reviseProposal(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, input }: ReviseProposalArgs,
  ): Promise<ProposalType> {
    return ProposalType.of(await this.authoring.reviseProposal(caller, id, input));
  }

  @AnyRole()
  @Mutation(() => ProposalCommentType, {
    description:
      'Comments on a revision, or replies to a comment (anyone of the site). Operators are anonymous unless signed.',
  })
  async commentOnProposal(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: CommentOnProposalInput,
  ): Promise<ProposalCommentType> {
    return ProposalCommentType.of(await this.discussion.commentOnProposal(caller, input));
  }

  @Access(Role.OPERATOR)
  @Mutation(() => ProposalType, {
    description: 'An operator supports a proposal of their site, once (again: changes the comment or signature).',
  })
  async endorseProposal(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, comment, signed }: EndorseProposalArgs,
  ): Promise<ProposalType> {
    return ProposalType.of(await this.discussion.endorseProposal(caller, id, { comment, signed }));
  }

  // Fields of a type only reached through the operations above, which carry the access rules.

  @ResolveField(() => ProposalPersonType, { nullable: true, description: 'The manager who created it.' })
  createdBy(@Parent() proposal: ProposalType, @Context() context: object): Promise<ProposalPersonType | null> {
    return this.people.person(context, proposal.view.createdBy);
  }

  @ResolveField(() => [ProposalPepinType], { description: 'The pépins it answers.' })
  async pepins(@Parent() proposal: ProposalType, @Context() context: object): Promise<ProposalPepinType[]> {
    const links = (await this.batcher.load(context, 'pepins', proposal.id, (ids) => this.queries.pepinsOf(ids))) ?? [];
    return links.map((link) => ProposalPepinType.of(link));
  }

  @ResolveField(() => [ProposalRevisionType], { description: 'Every revision, oldest first.' })
  async revisions(@Parent() proposal: ProposalType, @Context() context: object): Promise<ProposalRevisionType[]> {
    return (await this.revisionViews(proposal, context)).map((view) => ProposalRevisionType.of(view));
  }

  @ResolveField(() => ProposalRevisionType, { description: 'One revision; the current one when no number is given.' })
  async revision(
    @Parent() proposal: ProposalType,
    @Args() { number }: RevisionNumberArgs,
    @Context() context: object,
  ): Promise<ProposalRevisionType> {
    const wanted = number ?? proposal.currentRevision;
    const view = (await this.revisionViews(proposal, context)).find((revision) => revision.number === wanted);
    if (!view) {
      throw ProposalErrors.revisionNotFound({
        reference: proposal.reference,
        revision: wanted,
        latest: proposal.currentRevision,
      });
    }
    return ProposalRevisionType.of(view);
  }

  @ResolveField(() => [ProposalCoAuthorType], {
    description: 'Managers (with their invitation’s status) and operators who accepted; anonymous ones without a name.',
  })
  async coAuthors(@Parent() proposal: ProposalType, @Context() context: object): Promise<ProposalCoAuthorType[]> {
    const viewer = proposal.view.viewer;
    const views =
      (await this.batcher.load(context, `coAuthors:${viewer.userId}`, proposal.id, (ids) =>
        this.queries.coAuthorsOf(ids, viewer),
      )) ?? [];
    return views.map((view) => ProposalCoAuthorType.of(view));
  }

  @ResolveField(() => ProposalCoAuthorshipType, {
    nullable: true,
    description: 'The caller’s own invitation to co-author, if any.',
  })
  async myCoAuthorship(
    @Parent() proposal: ProposalType,
    @Context() context: object,
  ): Promise<ProposalCoAuthorshipType | null> {
    const viewer = proposal.view.viewer;
    const mine = await this.batcher.load(context, `myCoAuthorship:${viewer.userId}`, proposal.id, (ids) =>
      this.queries.myCoAuthorships(ids, viewer),
    );
    return mine ? ProposalCoAuthorshipType.of(mine) : null;
  }

  @ResolveField(() => Int, { description: 'Operators who endorse it.' })
  async endorsementCount(@Parent() proposal: ProposalType, @Context() context: object): Promise<number> {
    return (
      (await this.batcher.load(context, 'endorsementCount', proposal.id, (ids) =>
        this.queries.endorsementCounts(ids),
      )) ?? 0
    );
  }

  @ResolveField(() => [ProposalEndorsementType], { description: 'Endorsements, oldest first; named only when signed.' })
  async endorsements(@Parent() proposal: ProposalType, @Context() context: object): Promise<ProposalEndorsementType[]> {
    const viewer = proposal.view.viewer;
    const views =
      (await this.batcher.load(context, `endorsements:${viewer.userId}`, proposal.id, (ids) =>
        this.queries.endorsementsOf(ids, viewer),
      )) ?? [];
    return views.map((view) => ProposalEndorsementType.of(view));
  }

  @ResolveField(() => ProposalEndorsementType, { nullable: true, description: 'The caller’s own endorsement, if any.' })
  async myEndorsement(
    @Parent() proposal: ProposalType,
    @Context() context: object,
  ): Promise<ProposalEndorsementType | null> {
    const all = await this.endorsements(proposal, context);
    return all.find((endorsement) => endorsement.author.mine) ?? null;
  }

  @ResolveField(() => Int, { description: 'Comments on every revision.' })
  async commentCount(@Parent() proposal: ProposalType, @Context() context: object): Promise<number> {
    return (
      (await this.batcher.load(context, 'commentCount', proposal.id, (ids) => this.queries.commentCounts(ids))) ?? 0
    );
  }

  private async revisionViews(proposal: ProposalType, context: object): Promise<RevisionView[]> {
    const viewer = proposal.view.viewer;
    return (
      (await this.batcher.load(context, `revisions:${viewer.userId}`, proposal.id, (ids) =>
        this.queries.revisionsOf(ids, viewer),
      )) ?? []
    );
  }
}

@Resolver(() => ProposalRevisionType)
export class ProposalRevisionResolver {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly batcher: RequestBatcher,
  ) {}

  @ResolveField(() => [ProposalRuleDiffType], {
    description:
      'Per changed rule, field by field with word-level segments: against the rules in force now (PUBLISHED) or the previous revision (PREVIOUS; empty for the first).',
  })
  async diff(
    @Parent() revision: ProposalRevisionType,
    @Args() { against }: DiffArgs,
    @Context() context: object,
  ): Promise<ProposalRuleDiffType[]> {
    let previous: RevisionView | null = null;
    if (against === ProposalDiffBase.PREVIOUS && revision.number > 1) {
      const viewer = revision.viewer;
      const all =
        (await this.batcher.load(context, `revisions:${viewer.userId}`, revision.proposalId, (ids) =>
          this.queries.revisionsOf(ids, viewer),
        )) ?? [];
      previous = all.find((candidate) => candidate.number === revision.number - 1) ?? null;
    }
    const diffs = await this.queries.diff(
      revision.rawChanges,
      against,
      previous?.changes ?? null,
      revision.baseRelease,
    );
    return diffs.map((diff) => ProposalRuleDiffType.of(diff));
  }

  @ResolveField(() => [ProposalCommentType], {
    description: 'Comments on this revision, each thread depth-first (replies under what they answer), oldest first.',
  })
  async comments(@Parent() revision: ProposalRevisionType, @Context() context: object): Promise<ProposalCommentType[]> {
    const viewer = revision.viewer;
    const views =
      (await this.batcher.load(
        context,
        `comments:${viewer.userId}`,
        revisionKey(revision.proposalId, revision.number),
        (keys) => this.queries.commentsOf(keys, viewer),
      )) ?? [];
    return views.map((view) => ProposalCommentType.of(view));
  }
}

@Resolver(() => ProposalAuthorType)
export class ProposalAuthorResolver {
  constructor(private readonly people: ProposalPeople) {}

  @ResolveField(() => ProposalPersonType, {
    nullable: true,
    description: 'The person, when named (a manager, or an operator who chose it); null otherwise.',
  })
  person(@Parent() author: ProposalAuthorType, @Context() context: object): Promise<ProposalPersonType | null> {
    return this.people.person(context, author.personId);
  }
}
