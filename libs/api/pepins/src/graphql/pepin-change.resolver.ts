import { Args, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { map } from 'rxjs';
import { observableAsyncIterator } from '@pepite/api/database';
import { AnyRole, CurrentUser, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinChangeHub } from '../application/pepin-change-hub';
import { PepinQueries } from '../application/pepin-queries.service';
import { PepinIdArgs } from './pepin.inputs';

@ObjectType('PepinChange', { description: 'A pépin changed: read it again. Carries its id and nothing else.' })
export class PepinChangeType {
  @Field(() => ID)
  id!: string;
}

/**
 * A live "read this pépin again" for the pages that show one. Who may watch a pépin is who may
 * read it: the subscription starts with the `pepin` query's own check (managers of its site,
 * admins, its reporter and supporters), and refuses everyone else with the same NOT_FOUND.
 *
 * Anonymity: an event carries the pépin's id only (no actor, no kind of change, no time of
 * its own), and fires only after a commit that changed what the pépin's page shows (its
 * conversation, status or history), each of which the watcher may read and which already
 * carries its own time on the page. So a manager learns nothing from the event they could
 * not learn by reloading; the refetch goes through the usual query and its field rules.
 */
@Resolver(() => PepinChangeType)
export class PepinChangeResolver {
  constructor(
    private readonly queries: PepinQueries,
    private readonly hub: PepinChangeHub,
  ) {}

  @AnyRole()
  @Subscription(() => PepinChangeType, {
    description:
      'Each time the pépin you may read changes from now on (conversation, status, history), after commit, from any API instance (graphql-ws). Refetch `pepin` to see what changed.',
    resolve: (change: PepinChangeType) => change,
  })
  async pepinChanged(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { id }: PepinIdArgs,
  ): Promise<AsyncIterableIterator<PepinChangeType>> {
    // Throws NOT_FOUND, as the `pepin` query does, when the caller may not read it.
    const pepin = await this.queries.pepin(caller, id);
    return observableAsyncIterator(this.hub.signalsFor(pepin.id).pipe(map((changed) => ({ id: changed }))));
  }
}
