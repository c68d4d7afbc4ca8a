import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { CurrentUser } from '../access/current-user.decorator';
import { UserDirectoryService } from '../application/user-directory.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { Role } from '../domain/role';
import { CreateUserInput } from './create-user.input';
import { SiteType, TeamType } from './site.type';
import { UpdateUserInput } from './update-user.input';
import { UserType } from './user.type';

@Resolver()
export class UserAdminResolver {
  constructor(private readonly directory: UserDirectoryService) {}

  @Access(Role.ADMIN)
  @Query(() => [UserType], { description: 'Every account (admins only).' })
  users(): Promise<UserType[]> {
    return this.directory.listUsers();
  }

  @Access(Role.ADMIN)
  @Mutation(() => UserType, { description: 'Creates an account (admins only).' })
  createUser(@CurrentUser() caller: AuthenticatedUser, @Args('input') input: CreateUserInput): Promise<UserType> {
    const { idempotencyKey, ...command } = input;
    return this.directory.createUser(command, { actor: caller, idempotencyKey });
  }

  @Access(Role.ADMIN)
  @Mutation(() => UserType, { description: 'Deactivates an account; its tokens stop working at once (admins only).' })
  deactivateUser(@CurrentUser() caller: AuthenticatedUser, @Args('id', { type: () => ID }) id: string): Promise<UserType> {
    return this.directory.deactivateUser(caller, id);
  }

  @Access(Role.ADMIN)
  @Mutation(() => UserType, { description: 'Reactivates an account; its owner can sign in again (admins only).' })
  reactivateUser(@Args('id', { type: () => ID }) id: string): Promise<UserType> {
    return this.directory.reactivateUser(id);
  }

  @Access(Role.ADMIN)
  @Mutation(() => UserType, {
    description: 'Changes an account’s name, role, site, team or language (admins only). An admin cannot remove their own ADMIN role.',
  })
  updateUser(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
  ): Promise<UserType> {
    return this.directory.updateUser(caller, id, input);
  }
}

@Resolver(() => SiteType)
export class SiteResolver {
  constructor(private readonly directory: UserDirectoryService) {}

  @Access(Role.ADMIN)
  @Query(() => [SiteType], { description: 'Sites with their teams (admins only).' })
  sites(): Promise<SiteType[]> {
    return this.directory.listSites();
  }

  // Field of a type only admins reach; the parent query carries the access rule.
  @ResolveField(() => [TeamType])
  teams(@Parent() site: SiteType): Promise<TeamType[]> {
    return this.directory.listTeams(site.id);
  }
}
