import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AnyRole, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { DesktopStatusService } from '../application/desktop-status.service';
import { ReleaseAdoptionService } from '../application/release-adoption.service';
import { DesktopStatusReceiptType } from './desktop-status.type';
import { ReleaseAdoptionType } from './release-adoption.type';
import { ReportDesktopStatusInput } from './report-desktop-status.input';

@Resolver()
export class DesktopStatusResolver {
  constructor(
    private readonly statuses: DesktopStatusService,
    private readonly adoption: ReleaseAdoptionService,
  ) {}

  // Any signed-in desktop reports; only operators' reports are kept (adoption is about them).
  @AnyRole()
  @Mutation(() => DesktopStatusReceiptType, {
    description: 'A desktop says which release it has applied: at start, on each release and every few minutes (the SDK does it).',
  })
  async reportDesktopStatus(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: ReportDesktopStatusInput,
  ): Promise<DesktopStatusReceiptType> {
    return DesktopStatusReceiptType.of(await this.statuses.report(caller, input));
  }

  @Access(Role.MANAGER, Role.ADMIN)
  @Query(() => ReleaseAdoptionType, {
    description: 'Who on a site runs release `version`. Managers: their own site (another is FORBIDDEN); admins: any site, their own by default.',
  })
  async releaseAdoption(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('version', { type: () => Int }) version: number,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string | null,
  ): Promise<ReleaseAdoptionType> {
    return ReleaseAdoptionType.of(await this.adoption.adoption(caller, version, siteId));
  }
}
