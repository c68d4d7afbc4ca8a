import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { ReleaseCatalog, ReleaseType } from '@pepite/api/rulebook';
import { ProposalPublication } from '../application/proposal-publication.service';
import { PublishReleaseInput, RollbackReleaseArgs } from './publication.inputs';

/** Releases made from approved proposals, and rollbacks (managers and admins). */
@Resolver()
@Access(Role.MANAGER, Role.ADMIN)
export class PublicationResolver {
  constructor(
    private readonly publication: ProposalPublication,
    private readonly catalog: ReleaseCatalog,
  ) {}

  @Mutation(() => ReleaseType, {
    description:
      'Publishes approved proposals as release N+1 (CONFLICT when two change a rule differently or a rule moved since; ' +
      'FORBIDDEN by four eyes). With effectiveAt it is scheduled: the release returned is the one in force until then.',
  })
  async publishRelease(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PublishReleaseInput,
  ): Promise<ReleaseType> {
    if (input.effectiveAt) {
      await this.publication.schedule(user, { ...input, effectiveAt: input.effectiveAt });
      return ReleaseType.of(await this.catalog.latestRelease());
    }
    const { version } = await this.publication.publish(user, input);
    return ReleaseType.of(await this.catalog.release(version));
  }

  @Mutation(() => ReleaseType, {
    description:
      'Publishes a new release whose rules are those of an earlier one, with the reason (managers and admins).',
  })
  async rollbackRelease(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { toVersion, reason, idempotencyKey }: RollbackReleaseArgs,
  ): Promise<ReleaseType> {
    const { version } = await this.publication.rollback(user, toVersion, reason, idempotencyKey);
    return ReleaseType.of(await this.catalog.release(version));
  }
}
