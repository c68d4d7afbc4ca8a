import { createSecretKey } from 'node:crypto';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { SharedLimits } from '@pepite/api/database';
import { AccessGuard } from './access/access.guard';
import { LoginDefence } from './limits/login-defence';
import { UserRateLimitGuard } from './limits/user-rate-limit.guard';
import { UserRateLimits } from './limits/user-rate-limits';
import { AccessTokenService } from './application/access-token.service';
import { AccountChanges } from './application/account-changes';
import { ActivePrincipals } from './application/active-principals';
import { AuthenticationService } from './application/authentication.service';
import { PasswordHasher } from './application/password-hasher';
import { SiteAdministrationService } from './application/site-administration.service';
import { UserDirectoryService } from './application/user-directory.service';
import { SessionService } from './application/session.service';
import { GroupMappingsService } from './application/group-mappings.service';
import { OidcRelyingParty } from './application/oidc-relying-party';
import { OidcSignInService } from './application/oidc-sign-in.service';
import { IdentityGroupMappingResolver } from './graphql/identity-group-mapping.resolver';
import { OidcController } from './http/oidc.controller';
import { AuthResolver } from './graphql/auth.resolver';
import { SessionController } from './http/session.controller';
import { SessionCookies } from './http/session-cookies';
import { SiteAdminResolver } from './graphql/site-admin.resolver';
import { SiteResolver, UserAdminResolver } from './graphql/user-admin.resolver';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity.options';

@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public
        // (or private) key and catches the failure, which cost more than the HMAC itself — about
        // a millisecond per verification, the largest cost of a storm of new desktops
        // (bench/status-storm.mjs profile).
        JwtModule.register({ secret: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')) }),
      ],
      controllers: [SessionController, OidcController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AccessGuard },
        // After the access guard, which has found the caller.
        { provide: APP_GUARD, useClass: UserRateLimitGuard },
        PasswordHasher,
        AccessTokenService,
        AccountChanges,
        ActivePrincipals,
        AuthenticationService,
        SessionService,
        SessionCookies,
        OidcRelyingParty,
        OidcSignInService,
        GroupMappingsService,
        IdentityGroupMappingResolver,
        UserDirectoryService,
        SiteAdministrationService,
        { provide: SharedLimits, useFactory: () => sharedLimits(options) },
        UserRateLimits,
        LoginDefence,
        AuthResolver,
        UserAdminResolver,
        SiteResolver,
        SiteAdminResolver,
      ],
      exports: [UserRateLimits, AuthenticationService, SessionService, UserDirectoryService, SiteAdministrationService, PasswordHasher],
    };
  }
}

/** One store per process; its failures are logged at most once a minute per limit. */
function sharedLimits(options: IdentityOptions): SharedLimits & { onApplicationShutdown(): Promise<void> } {
  const logger = new Logger('SharedLimits');
  const lastLogged = new Map<string, number>();
  const limits = new SharedLimits({
    ...options.limitStore,
    onStoreError: (error, limit) => {
      const now = Date.now();
      if ((lastLogged.get(limit) ?? 0) > now - 60_000) return;
      lastLogged.set(limit, now);
      logger.warn(`rate-limit store unavailable (${limit}): ${error.message}`);
    },
  });
  return Object.assign(limits, { onApplicationShutdown: () => limits.close() });
}
