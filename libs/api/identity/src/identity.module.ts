import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './access/access.guard';
import { LoginThrottlerGuard, loginThrottlers } from './access/login-throttler.guard';
import { UserRateLimitGuard } from './access/user-rate-limit.guard';
import { AccessTokenService } from './application/access-token.service';
import { ActivePrincipals } from './application/active-principals';
import { AuthenticationService } from './application/authentication.service';
import { PasswordHasher } from './application/password-hasher';
import { SiteAdministrationService } from './application/site-administration.service';
import { UserDirectoryService } from './application/user-directory.service';
import { AuthResolver } from './graphql/auth.resolver';
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
        JwtModule.register({ secret: options.jwtSecret }),
        ThrottlerModule.forRoot({ throttlers: loginThrottlers(options.loginLimits) }),
      ],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AccessGuard },
        // After the access guard, which has found the caller.
        { provide: APP_GUARD, useClass: UserRateLimitGuard },
        PasswordHasher,
        AccessTokenService,
        ActivePrincipals,
        AuthenticationService,
        UserDirectoryService,
        SiteAdministrationService,
        LoginThrottlerGuard,
        AuthResolver,
        UserAdminResolver,
        SiteResolver,
        SiteAdminResolver,
      ],
      exports: [AuthenticationService, UserDirectoryService, SiteAdministrationService, PasswordHasher],
    };
  }
}
