import { Args, GraphQLISODateTime, ID, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { InsightsService } from '../application/insights.service';
import { InsightsType } from './insights.type';

@Resolver(() => InsightsType)
export class InsightsResolver {
  constructor(private readonly insightsService: InsightsService) {}

  @Access(Role.MANAGER, Role.ADMIN)
  @Query(() => InsightsType, {
    description:
      'A site’s insights over `[from, to)` (default: the 90 days up to now). Managers: their own site (another is FORBIDDEN); admins: any site, their own by default.',
  })
  async insights(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from?: Date | null,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to?: Date | null,
  ): Promise<InsightsType> {
    return InsightsType.of(await this.insightsService.insights(caller, { siteId, from, to }));
  }
}
