import { Args, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { map } from 'rxjs';
import { observableAsyncIterator } from '@pepite/api/database';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { FloorWatch } from '../application/floor-watch.service';

@ObjectType('FloorChange', { description: 'The floor of a site moved: read `releaseAdoption` and `mandatoryReadingStatus` again. Carries the site id and nothing else.' })
export class FloorChangeType {
  @Field(() => ID)
  siteId!: string;
}

/**
 * The managers' /floor screen, pushed instead of polled: adoption after a publication and as
 * desktops report, the mandatory-reading count as operators acknowledge. An event names the
 * site only — no person, no desktop, no kind of change — and comes at most once a second, so
 * it says no more than reloading the screen would.
 */
@Resolver(() => FloorChangeType)
export class FloorChangeResolver {
  constructor(private readonly floor: FloorWatch) {}

  @Access(Role.MANAGER, Role.ADMIN)
  @Subscription(() => FloorChangeType, {
    description:
      'Each time the floor figures of a site may have moved (a release first run on a desktop, an acknowledgement, a publication), at most once a second, from any API instance (graphql-ws). Managers: their own site; admins: any, their own by default.',
    resolve: (change: FloorChangeType) => change,
  })
  async floorChanged(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
  ): Promise<AsyncIterableIterator<FloorChangeType>> {
    const changes = await this.floor.watch(caller, siteId);
    return observableAsyncIterator(changes.pipe(map((site) => ({ siteId: site }))));
  }
}
