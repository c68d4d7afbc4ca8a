import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AnyRole, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { AdvisoryService } from '../application/advisory.service';
import { ReleaseCatalog } from '../application/release-catalog.service';
import { AdvisoryType } from './advisory.type';
import { PublishAdvisoryInput } from './publish-advisory.input';

@Resolver(() => AdvisoryType)
export class AdvisoryResolver {
  constructor(
    private readonly catalog: ReleaseCatalog,
    private readonly advisoryService: AdvisoryService,
  ) {}

  @AnyRole()
  @Query(() => [AdvisoryType], { description: 'Advisories active now, oldest first.' })
  async advisories(): Promise<AdvisoryType[]> {
    return (await this.catalog.activeAdvisories()).map((entry) => AdvisoryType.of(entry));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Mutation(() => AdvisoryType, {
    description: 'Pushes interim guidance on a rule in force to every desktop at once (managers and admins).',
  })
  async publishAdvisory(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: PublishAdvisoryInput,
  ): Promise<AdvisoryType> {
    const entry = await this.advisoryService.publishAdvisory({ ...input, publishedBy: caller.id });
    return AdvisoryType.of(entry);
  }
}
