import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommonErrors } from '@pepite/api/errors';
import { AnyRole, PublicAccess } from '../access/access.decorator';
import { CurrentUser } from '../access/current-user.decorator';
import { LoginThrottlerGuard } from '../access/login-throttler.guard';
import { AuthenticationService } from '../application/authentication.service';
import { UserDirectoryService } from '../application/user-directory.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { LoginArgs } from './login.args';
import { AuthPayloadType, UserType } from './user.type';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly directory: UserDirectoryService,
  ) {}

  /** Public: this is how one signs in. Rate-limited per account and per address. */
  @PublicAccess()
  @UseGuards(LoginThrottlerGuard)
  @Mutation(() => AuthPayloadType, { description: 'Signs in with e-mail and password; returns a short-lived bearer token.' })
  async login(@Args() { email, password }: LoginArgs): Promise<AuthPayloadType> {
    const result = await this.authentication.login(email, password);
    const user = await this.directory.getUser(result.user.id);
    if (!user) throw CommonErrors.unauthenticated();
    return { accessToken: result.accessToken, expiresAt: result.expiresAt, user };
  }

  @AnyRole()
  @Query(() => UserType, { description: 'The signed-in user.' })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserType> {
    const user = await this.directory.getUser(caller.id);
    if (!user) throw CommonErrors.unauthenticated();
    return user;
  }
}
