import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { IdentityErrors } from '../identity.errors';
import { AccessTokenService, type IssuedToken } from './access-token.service';
import { PasswordHasher } from './password-hasher';
import { UserDirectoryService, toAuthenticatedUser } from './user-directory.service';

export interface LoginResult extends IssuedToken {
  readonly user: AuthenticatedUser;
}

@Injectable()
export class AuthenticationService {
  constructor(
    private readonly directory: UserDirectoryService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {}

  /** One answer for an unknown account, a deactivated one and a wrong password. */
  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.directory.findForLogin(email);
    if (!user) {
      await this.hasher.burnTime(password);
      throw IdentityErrors.invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw IdentityErrors.invalidCredentials();
    return { ...(await this.tokens.issue(user.id)), user: toAuthenticatedUser(user) };
  }

  /** Called with a user's id when their access is revoked (deactivation) in this process. */
  onAccessRevoked(listener: (userId: string) => void): () => void {
    return this.directory.onAccessRevoked(listener);
  }

  /** The active user behind a bearer token, or null. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const userId = await this.tokens.verify(token);
    return userId ? this.directory.findActiveUser(userId) : null;
  }
}
