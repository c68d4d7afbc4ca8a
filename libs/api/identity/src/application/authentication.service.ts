import { Inject, Injectable } from '@nestjs/common';
import { normaliseEmail } from '../domain/email';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { Role } from '../domain/role';
import { IdentityErrors } from '../identity.errors';
import { AccessTokenService, type IssuedToken } from './access-token.service';
import { AccountChanges } from './account-changes';
import { ActivePrincipals } from './active-principals';
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
    private readonly principals: ActivePrincipals,
    private readonly changes: AccountChanges,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** One answer for an unknown account, a deactivated one and a wrong password. */
  async login(email: string, password: string): Promise<LoginResult> {
    const passwords = this.options.passwordLogin;
    // Refused before the password is checked: with PASSWORD_LOGIN=off a password proves nothing but for the break-glass admins.
    if (passwords && !passwords.enabled && !passwords.breakGlassEmails.includes(normaliseEmail(email))) {
      throw IdentityErrors.passwordLoginOff({ provider: this.options.oidc?.providerName ?? 'SSO' });
    }
    const user = await this.directory.findForLogin(email);
    if (!user) {
      await this.hasher.burnTime(password);
      throw IdentityErrors.invalidCredentials();
    }
    // An account made at the OpenID provider has no password; one more hash keeps its answer as slow.
    if (user.passwordHash === null) {
      await this.hasher.burnTime(password);
      throw IdentityErrors.invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw IdentityErrors.invalidCredentials();
    if (passwords && !passwords.enabled && user.role !== Role.ADMIN) throw IdentityErrors.invalidCredentials();
    return { ...(await this.tokens.issue(user.id)), user: toAuthenticatedUser(user) };
  }

  /** Called with a user's id when their access is revoked (deactivation) in this process. */
  onAccessRevoked(listener: (userId: string) => void): () => void {
    return this.changes.onRevoked(listener);
  }

  /**
   * The active user behind a bearer token, or null. From memory once known, kept exact by
   * LISTEN/NOTIFY on every change to the account (ActivePrincipals): no database round trip
   * per request, and a revocation still takes effect at its commit on every instance.
   */
  authenticate(token: string): Promise<AuthenticatedUser | null> {
    return this.principals.authenticate(token);
  }

  /** Without I/O: the user, null when refused, undefined when only `authenticate` can tell. */
  knownPrincipal(token: string): AuthenticatedUser | null | undefined {
    return this.principals.known(token);
  }
}
