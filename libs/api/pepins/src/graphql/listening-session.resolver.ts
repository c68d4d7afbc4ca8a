import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ListeningSessions } from '../application/listening-sessions.service';
import { PepinQueries } from '../application/pepin-queries.service';
import { ListeningSessionType } from './listening-session.type';
import { People } from './people';
import {
  CompleteListeningSessionArgs,
  RequestListeningSessionInput,
  ScheduleListeningSessionArgs,
  WriteListeningNotesArgs,
} from './listening-session.inputs';
import { PepinIdArgs } from './pepin.inputs';
import { PepinLinkType, SignedAuthorType } from './pepin.type';
import { RequestBatcher } from '@pepite/api/graphql-kit';

@Resolver(() => ListeningSessionType)
export class ListeningSessionResolver {
  constructor(
    private readonly sessions: ListeningSessions,
    private readonly queries: PepinQueries,
    private readonly people: People,
    private readonly batcher: RequestBatcher,
  ) {}

  @Access(Role.OPERATOR, Role.MANAGER)
  @Query(() => [ListeningSessionType], {
    description: 'The caller’s double écoutes, as operator or as chosen manager, newest first.',
  })
  async listeningSessions(@CurrentUser() caller: AuthenticatedUser): Promise<ListeningSessionType[]> {
    return (await this.sessions.mySessions(caller)).map((view) => ListeningSessionType.of(view));
  }

  @Access(Role.OPERATOR)
  @Query(() => [SignedAuthorType], {
    description: 'The managers of the caller’s site, to choose one for a double écoute (operators).',
  })
  async listeningSessionManagers(@CurrentUser() caller: AuthenticatedUser): Promise<SignedAuthorType[]> {
    return (await this.sessions.availableManagers(caller)).map((manager) =>
      Object.assign(new SignedAuthorType(), manager),
    );
  }

  @Access(Role.OPERATOR)
  @Mutation(() => ListeningSessionType, {
    description:
      'Asks a chosen manager for a double écoute on a pépin you filed or support; it reveals you to that manager only.',
  })
  async requestListeningSession(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: RequestListeningSessionInput,
  ): Promise<ListeningSessionType> {
    return ListeningSessionType.of(await this.sessions.requestListeningSession(caller, input));
  }

  @Access(Role.MANAGER)
  @Mutation(() => ListeningSessionType, {
    description: 'The chosen manager sets (or moves) the time of a double écoute.',
  })
  async scheduleListeningSession(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, scheduledAt }: ScheduleListeningSessionArgs,
  ): Promise<ListeningSessionType> {
    return ListeningSessionType.of(await this.sessions.scheduleListeningSession(caller, id, scheduledAt));
  }

  @Access(Role.OPERATOR, Role.MANAGER)
  @Mutation(() => ListeningSessionType, {
    description: 'A participant writes their notes on a double écoute (replacing earlier ones).',
  })
  async writeListeningNotes(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, notes }: WriteListeningNotesArgs,
  ): Promise<ListeningSessionType> {
    return ListeningSessionType.of(await this.sessions.writeListeningNotes(caller, id, notes));
  }

  @Access(Role.MANAGER)
  @Mutation(() => ListeningSessionType, {
    description: 'The chosen manager records the outcome; it is attached to the pépin’s history.',
  })
  async completeListeningSession(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id, outcome }: CompleteListeningSessionArgs,
  ): Promise<ListeningSessionType> {
    return ListeningSessionType.of(await this.sessions.completeListeningSession(caller, id, outcome));
  }

  @Access(Role.OPERATOR, Role.MANAGER)
  @Mutation(() => ListeningSessionType, { description: 'A participant calls a double écoute off; the other is told.' })
  async cancelListeningSession(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id }: PepinIdArgs,
  ): Promise<ListeningSessionType> {
    return ListeningSessionType.of(await this.sessions.cancelListeningSession(caller, id));
  }

  // Fields of a type reached only through operations that carry the access rules.

  @ResolveField(() => PepinLinkType, { description: 'The pépin it is about.' })
  async pepin(@Parent() session: ListeningSessionType, @Context() context: object): Promise<PepinLinkType> {
    const link = await this.batcher.load(context, 'links', session.pepinId, (keys) => this.queries.links(keys));
    if (!link) throw new Error(`listening session ${session.id} without its pépin`);
    return PepinLinkType.of(link);
  }

  @ResolveField(() => SignedAuthorType, { description: 'The manager the operator chose.' })
  async manager(@Parent() session: ListeningSessionType, @Context() context: object): Promise<SignedAuthorType> {
    const author = await this.people.author(context, session.managerId);
    if (!author) throw new Error(`listening session ${session.id} without its manager`);
    return author;
  }

  @ResolveField(() => SignedAuthorType, {
    nullable: true,
    description: 'The operator who asked: shown to the two participants only.',
  })
  operator(@Parent() session: ListeningSessionType, @Context() context: object): Promise<SignedAuthorType | null> {
    return this.people.author(context, session.operatorId);
  }
}
