import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '@pepite/api/database';
import { ACCESS_TOKEN_AUDIENCE, accessTokenSubject } from '../domain/access-token-claims';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresAt: Date;
}

/**
 * Short-lived HS256 access tokens carrying only the user id: role, site and the active
 * flag come from the account (kept in memory by ActivePrincipals and dropped at any change's
 * commit), so a deactivation or a role change takes effect at once (that is the revocation).
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string): Promise<IssuedToken> {
    const expiresInSeconds = this.options.accessTokenTtlMinutes * 60;
    // Times from the API's clock (the one tests move through a whole shift), not jsonwebtoken's.
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await this.jwt.signAsync(
      { iat, exp: iat + expiresInSeconds },
      { subject: userId, audience: ACCESS_TOKEN_AUDIENCE, algorithm: 'HS256' },
    );
    return { accessToken, expiresAt: new Date((iat + expiresInSeconds) * 1000) };
  }

  /**
   * The user id of a valid token, or null for an invalid, expired or foreign one, one without
   * `exp` or issued in the future. The one check of a token: the HTTP guard (GraphQL and the
   * feed routes) and graphql-ws connections all come here.
   */
  async verify(token: string): Promise<string | null> {
    return this.verifyClaims(token)?.userId ?? null;
  }

  /**
   * As `verify`, with the token's end (milliseconds since the epoch) read from the same parse.
   * Synchronous (jsonwebtoken checks an HS256 signature without I/O): after a publication the
   * first request of each of 10,000 desktops comes here, and the promise and callback of the
   * asynchronous form cost more than the HMAC itself (bench/status-storm.mjs).
   */
  verifyClaims(token: string): { readonly userId: string; readonly expiresAt: number } | null {
    try {
      const now = this.clock.nowMs();
      const payload = this.jwt.verify<{ exp?: unknown }>(token, {
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(now / 1000),
      });
      const userId = accessTokenSubject(payload, now);
      // accessTokenSubject refuses a token without a numeric `exp`.
      return userId === null ? null : { userId, expiresAt: Number(payload.exp) * 1000 };
    } catch {
      return null;
    }
  }
}
