import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommonErrors } from '@pepite/api/errors';
import { AnyRole, PublicAccess } from '../access/access.decorator';
import { CurrentUser } from '../access/current-user.decorator';
import type { Response } from 'express';
import type { PepiteRequest } from '../access/request-of';
import { SessionService } from '../application/session.service';
import { SessionCookies } from '../http/session-cookies';
import { AuthenticationService } from '../application/authentication.service';
import { UserDirectoryService } from '../application/user-directory.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { LoginDefence } from '../limits/login-defence';
import { LoginArgs } from './login.args';
import { AuthPayloadType, UserType } from './user.type';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly directory: UserDirectoryService,
    private readonly defence: LoginDefence,
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookies,
  ) {}

  /**
   * Public: this is how one signs in. Limited per (account, address) and per address, slowed
   * per account (LoginDefence). The client address is Express's `req.ip` (TRUST_PROXY).
   */
  @PublicAccess()
  @Mutation(() => AuthPayloadType, { description: 'Signs in with e-mail and password; returns a short-lived bearer token and sets the refresh cookie (POST /auth/refresh renews the token).' })
  async login(
    @Args() { email, password }: LoginArgs,
    @Context() { req, res }: { req: PepiteRequest; res?: Response },
  ): Promise<AuthPayloadType> {
    const address = req?.ip ?? req?.socket?.remoteAddress ?? 'unknown';
    const result = await this.defence.attempt(email, address, res, () => this.authentication.login(email, password));
    const user = await this.directory.getUser(result.user.id);
    if (!user) throw CommonErrors.unauthenticated();
    // The same cookie session as an OpenID sign-in: both apps renew the token silently.
    if (req && res) this.cookies.write(req, res, await this.sessions.start(user.id, 'password'));
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
