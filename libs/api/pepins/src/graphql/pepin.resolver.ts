import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AnyRole, CurrentUser, RateLimited, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ListeningSessions } from '../application/listening-sessions.service';
import { PepinConversation } from '../application/pepin-conversation.service';
import { PepinFiling } from '../application/pepin-filing.service';
import { PepinQueries } from '../application/pepin-queries.service';
import { PepinTriage } from '../application/pepin-triage.service';
import { PepinActorRole } from '../domain/pepin-lifecycle';
import { ListeningSessionType } from './listening-session.type';
import { roleLabel, People } from './people';
import {
  AcknowledgePepinArgs,
  AcknowledgePepinsArgs,
  DeclinePepinArgs,
  FilePepinInput,
  MarkDuplicateArgs,
  MyPepinsArgs,
  PepinIdArgs,
  PepinsArgs,
  SimilarPepinsArgs,
  SupportPepinArgs,
} from './pepin.inputs';
import {
  MyPepinType,
  PepinConnectionType,
  PepinEventType,
  PepinLinkType,
  PepinMessageType,
  PepinType,
  SignedAuthorType,
  SimilarPepinType,
} from './pepin.type';
import { connectionOf, RequestBatcher } from '@pepite/api/graphql-kit';

@Resolver(() => PepinType)
export class PepinResolver {
  constructor(
    private readonly filing: PepinFiling,
    private readonly triage: PepinTriage,
    private readonly queries: PepinQueries,
    private readonly conversations: PepinConversation,
    private readonly sessions: ListeningSessions,
    private readonly people: People,
    private readonly batcher: RequestBatcher,
  ) {}

  @Access(Role.MANAGER, Role.ADMIN)
  @Query(() => PepinConnectionType, {
    description: 'The triage queue (managers: their site; admins: every site), with the count of each status.',
  })
  async pepins(@CurrentUser() caller: AuthenticatedUser, @Args() args: PepinsArgs): Promise<PepinConnectionType> {
    const page = await this.queries.queue(caller, args.filter ?? {}, args.orderBy, args.first, args.after ?? null);
    const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: PepinType.of(edge.node) }));
    return {
      ...connectionOf(edges, page),
      totalCount: page.totalCount,
      countsByStatus: page.countsByStatus.map((entry) => ({ ...entry })),
    };
  }

  @AnyRole()
  @Query(() => PepinType, {
    description: 'One pépin: managers of its site and admins; an operator only for a pépin they filed or support.',
  })
  async pepin(@CurrentUser() caller: AuthenticatedUser, @Args() { id }: PepinIdArgs): Promise<PepinType> {
    return PepinType.of(await this.queries.pepin(caller, id));
  }

  @Access(Role.OPERATOR)
  @Query(() => [MyPepinType], {
    description: 'The caller’s own pépins and those they support, most recent first (operators).',
  })
  async myPepins(@CurrentUser() caller: AuthenticatedUser, @Args() { first }: MyPepinsArgs): Promise<MyPepinType[]> {
    return (await this.queries.myPepins(caller, first)).map((mine) => MyPepinType.of(mine));
  }

  @AnyRole()
  @Query(() => [SimilarPepinType], {
    description:
      'Open pépins of the caller’s site close to what an operator is typing: the same rule (any version) weighs most, then shared French stems of title and description, then title trigrams; best first.',
  })
  async similarPepins(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { text, description, ruleKey, first }: SimilarPepinsArgs,
  ): Promise<SimilarPepinType[]> {
    return (await this.queries.similarPepins(caller, { text, description, ruleKey }, first)).map((similar) =>
      SimilarPepinType.of(similar),
    );
  }

  @Access(Role.OPERATOR)
  @RateLimited('filing')
  @Mutation(() => PepinType, { description: 'Files a pépin (operators). Anonymous toward managers unless signed.' })
  async filePepin(@CurrentUser() caller: AuthenticatedUser, @Args('input') input: FilePepinInput): Promise<PepinType> {
    return PepinType.of(await this.filing.filePepin(caller, input));
  }

  @Access(Role.OPERATOR)
  @Mutation(() => PepinType, {
    description: '“Me too” on an open pépin of the caller’s site, once per operator (operators).',
  })
  async supportPepin(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, signed }: SupportPepinArgs,
  ): Promise<PepinType> {
    return PepinType.of(await this.filing.supportPepin(caller, id, signed ?? null));
  }

  @Access(Role.OPERATOR)
  @Mutation(() => PepinType, {
    description:
      'Takes back the caller’s “me too” on an open pépin (operators); ILLEGAL_TRANSITION when they have none (the reporter too).',
  })
  async withdrawSupport(@CurrentUser() caller: AuthenticatedUser, @Args() { id }: PepinIdArgs): Promise<PepinType> {
    return PepinType.of(await this.filing.withdrawSupport(caller, id));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => PepinType, { description: 'NEW → ACKNOWLEDGED, with an optional message to the reporter.' })
  async acknowledgePepin(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, message }: AcknowledgePepinArgs,
  ): Promise<PepinType> {
    return PepinType.of(await this.triage.acknowledgePepin(caller, id, message));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => [PepinType], {
    description: 'NEW → ACKNOWLEDGED for 1 to 100 pépins at once: all of them or none, each reporter told.',
  })
  async acknowledgePepins(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { ids, message }: AcknowledgePepinsArgs,
  ): Promise<PepinType[]> {
    return (await this.triage.acknowledgePepins(caller, ids, message)).map((view) => PepinType.of(view));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => PepinType, { description: 'NEW or ACKNOWLEDGED → DECLINED, with a reason the reporter reads.' })
  async declinePepin(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, reason }: DeclinePepinArgs,
  ): Promise<PepinType> {
    return PepinType.of(await this.triage.declinePepin(caller, id, reason));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => PepinType, {
    description: 'NEW or ACKNOWLEDGED → DUPLICATE of an open pépin of the same site; supports move there.',
  })
  async markDuplicate(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, duplicateOf }: MarkDuplicateArgs,
  ): Promise<PepinType> {
    return PepinType.of(await this.triage.markDuplicate(caller, id, duplicateOf));
  }

  // Fields of a type only reached through the operations above, which carry the access rules;
  // what each viewer may see of them was decided when the pépin was read (`view.viewer`).

  @ResolveField(() => SignedAuthorType, { nullable: true, description: 'Who filed it: only when they signed.' })
  reporter(@Parent() pepin: PepinType, @Context() context: object): Promise<SignedAuthorType | null> {
    return this.people.author(context, pepin.view.signedReporterId);
  }

  @ResolveField(() => [SignedAuthorType], {
    description: 'Operators who signed their “me too” (the others are only counted).',
  })
  async supporters(@Parent() pepin: PepinType, @Context() context: object): Promise<SignedAuthorType[]> {
    const ids =
      (await this.batcher.load(context, 'signedSupporters', pepin.id, (keys) =>
        this.queries.signedSupporterIds(keys),
      )) ?? [];
    const authors = await Promise.all(ids.map((id) => this.people.author(context, id)));
    return authors.filter((author): author is SignedAuthorType => author !== null);
  }

  @ResolveField(() => [PepinEventType], {
    description: 'Every step, oldest first: who (by role), when, and the message.',
  })
  async history(@Parent() pepin: PepinType, @Context() context: object): Promise<PepinEventType[]> {
    const events =
      (await this.batcher.load(context, 'history', pepin.id, (keys) => this.queries.historyOf(keys))) ?? [];
    const locale = pepin.view.viewer.locale;
    return events.map((event) => PepinEventType.of(event, roleLabel(event.actorRole, locale), locale));
  }

  @ResolveField(() => [PepinMessageType], {
    nullable: true,
    description: 'Questions of managers and answers of the reporter (“Reporter”), oldest first; null for supporters.',
  })
  async conversation(@Parent() pepin: PepinType, @Context() context: object): Promise<PepinMessageType[] | null> {
    const viewer = pepin.view.viewer;
    if (!viewer.canManage && !viewer.isReporter) return null;
    const entries =
      (await this.batcher.load(context, 'conversation', pepin.id, (keys) =>
        this.conversations.conversationsOf(keys),
      )) ?? [];
    return entries.map((entry) => PepinMessageType.of(entry, viewer.locale));
  }

  @ResolveField(() => [ListeningSessionType], {
    description:
      'Double écoutes on this pépin: in full for their two participants; manager, status and outcome for others.',
  })
  async listeningSessions(@Parent() pepin: PepinType, @Context() context: object): Promise<ListeningSessionType[]> {
    const viewerId = pepin.view.viewer.userId;
    const views =
      (await this.batcher.load(context, `sessions:${viewerId}`, pepin.id, (keys) =>
        this.sessions.sessionsOf(keys, viewerId),
      )) ?? [];
    return views.map((view) => ListeningSessionType.of(view));
  }

  @ResolveField(() => PepinLinkType, { nullable: true, description: 'For a DUPLICATE: the pépin it was merged into.' })
  async duplicateOf(@Parent() pepin: PepinType, @Context() context: object): Promise<PepinLinkType | null> {
    const id = pepin.view.duplicateOf;
    if (id === null) return null;
    const link = await this.batcher.load(context, 'links', id, (keys) => this.queries.links(keys));
    return link ? PepinLinkType.of(link) : null;
  }
}

@Resolver(() => PepinEventType)
export class PepinEventResolver {
  constructor(private readonly people: People) {}

  @ResolveField(() => SignedAuthorType, {
    nullable: true,
    description: 'The manager or admin who acted; null for the reporter and the system.',
  })
  actor(@Parent() event: PepinEventType, @Context() context: object): Promise<SignedAuthorType | null> {
    return this.people.author(context, event.actorId);
  }
}

@Resolver(() => PepinMessageType)
export class PepinMessageResolver {
  constructor(private readonly people: People) {}

  @ResolveField(() => String, { description: '“Rapporteur” / “Reporter”, or the manager’s name.' })
  async author(@Parent() message: PepinMessageType, @Context() context: object): Promise<string> {
    if (message.managerId === null) return roleLabel(PepinActorRole.REPORTER, message.locale);
    return (
      (await this.people.author(context, message.managerId))?.displayName ??
      roleLabel(PepinActorRole.MANAGER, message.locale)
    );
  }
}
