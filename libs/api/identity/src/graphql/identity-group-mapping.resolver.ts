import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { CurrentUser } from '../access/current-user.decorator';
import { GroupMappingsService } from '../application/group-mappings.service';
import { UserDirectoryService } from '../application/user-directory.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { Role } from '../domain/role';
import { IdentityErrors } from '../identity.errors';
import { IdentityGroupMappingType, LinkExternalIdentityArgs, SetIdentityGroupMappingInput } from './identity-group-mapping.graphql';
import { UserType } from './user.type';

/** Single sign-on administration: which provider group gives which place in Pépite. */
@Resolver()
@Access(Role.ADMIN)
export class IdentityGroupMappingResolver {
  constructor(
    private readonly mappings: GroupMappingsService,
    private readonly directory: UserDirectoryService,
  ) {}

  @Query(() => [IdentityGroupMappingType], { description: 'The identity provider’s groups and what each gives (admins only).' })
  identityGroupMappings(): Promise<IdentityGroupMappingType[]> {
    return this.mappings.list();
  }

  @Mutation(() => IdentityGroupMappingType, {
    description: 'Gives a provider group a role, site and team, or changes what it gives; applies at each member’s next sign-in or refresh (admins only).',
  })
  setIdentityGroupMapping(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: SetIdentityGroupMappingInput,
  ): Promise<IdentityGroupMappingType> {
    return this.mappings.set(caller, input);
  }

  @Mutation(() => IdentityGroupMappingType, {
    description: 'Removes a group’s mapping; its members with no other mapped group are refused and deactivated at their next sign-in or refresh (admins only).',
  })
  removeIdentityGroupMapping(@CurrentUser() caller: AuthenticatedUser, @Args('id', { type: () => ID }) id: string): Promise<IdentityGroupMappingType> {
    return this.mappings.remove(caller, id);
  }

  @Mutation(() => UserType, { description: 'Links an existing account, once, to a person at the identity provider (admins only).' })
  async linkExternalIdentity(@CurrentUser() caller: AuthenticatedUser, @Args() { userId, subject }: LinkExternalIdentityArgs): Promise<UserType> {
    await this.mappings.linkIdentity(caller, userId, subject);
    const user = await this.directory.getUser(userId);
    if (!user) throw IdentityErrors.userNotFound();
    return user;
  }
}
