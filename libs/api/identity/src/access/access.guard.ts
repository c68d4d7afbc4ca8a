import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors } from '@pepite/api/errors';
import { AuthenticationService } from '../application/authentication.service';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { bearerToken } from './bearer-token';
import { ACCESS_METADATA, type AccessRule } from './access.decorator';
import { preferredLocale } from './reader-locale.decorator';
import { requestOf, type PepiteRequest } from './request-of';

/**
 * Global guard: fails closed. An operation that declares no access rule is refused (and
 * the access-declaration test fails the build before that can ship).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule; refused`);
      throw CommonErrors.forbidden();
    }
    const request = requestOf(context);
    if (rule.kind === 'public') {
      // An expired token must not stop someone from logging in again.
      const user = await this.userOf(request).catch(() => null);
      if (user) request.user = readingInRequestLanguage(user, request);
      return true;
    }
    const user = await this.userOf(request);
    if (!user) throw bearerToken(request.headers?.authorization) ? CommonErrors.sessionExpired() : CommonErrors.unauthenticated();
    if (!rule.roles.includes(user.role)) throw CommonErrors.forbidden();
    request.user = readingInRequestLanguage(user, request);
    return true;
  }

  private userOf(request: PepiteRequest): Promise<AuthenticatedUser | null> {
    const token = bearerToken(request.headers?.authorization);
    if (!token) return Promise.resolve(null);
    request.pepiteUser ??= this.authentication.authenticate(token);
    return request.pepiteUser;
  }
}

/**
 * The caller as every context sees them, with `locale` the language they read in now: the
 * one the request names (Accept-Language, which both apps send from their language switch),
 * else their account's. Labels the API words (« Rapporteur », « Co-auteur (opérateur) »)
 * then follow the screen's language, not a setting the person may never have seen.
 */
function readingInRequestLanguage(user: AuthenticatedUser, request: PepiteRequest): AuthenticatedUser {
  const locale = preferredLocale(request.headers?.['accept-language']);
  return locale && locale !== user.locale ? { ...user, locale } : user;
}
