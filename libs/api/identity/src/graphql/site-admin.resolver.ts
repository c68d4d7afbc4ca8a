import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { CurrentUser } from '../access/current-user.decorator';
import { SiteAdministrationService } from '../application/site-administration.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { Role } from '../domain/role';
import { CreateSiteInput, CreateTeamArgs, RenameTeamArgs, UpdateSiteInput } from './site.inputs';
import { SiteType, TeamType } from './site.type';

@Resolver()
export class SiteAdminResolver {
  constructor(private readonly sites: SiteAdministrationService) {}

  @Access(Role.ADMIN)
  @Mutation(() => SiteType, { description: 'Creates a site with its time zone and acknowledgement delay (admins only).' })
  createSite(@CurrentUser() caller: AuthenticatedUser, @Args('input') input: CreateSiteInput): Promise<SiteType> {
    const { idempotencyKey, ...settings } = input;
    return this.sites.createSite(settings, { actor: caller, idempotencyKey });
  }

  @Access(Role.ADMIN)
  @Mutation(() => SiteType, {
    description:
      'Changes a site’s name, time zone or acknowledgement delay (admins only). '
      + 'A new delay applies to pépins filed afterwards; pépins already filed keep their deadline.',
  })
  updateSite(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateSiteInput): Promise<SiteType> {
    return this.sites.updateSite(id, input);
  }

  @Access(Role.ADMIN)
  @Mutation(() => TeamType, { description: 'Adds a team to a site; team names are unique per site (admins only).' })
  createTeam(@CurrentUser() caller: AuthenticatedUser, @Args() { siteId, name, idempotencyKey }: CreateTeamArgs): Promise<TeamType> {
    return this.sites.createTeam(siteId, name, { actor: caller, idempotencyKey });
  }

  @Access(Role.ADMIN)
  @Mutation(() => TeamType, { description: 'Renames a team; team names are unique per site (admins only).' })
  renameTeam(@Args() { id, name }: RenameTeamArgs): Promise<TeamType> {
    return this.sites.renameTeam(id, name);
  }
}
