import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { CommonErrors } from '@pepite/api/errors';
import type { PepiteRequest } from '@pepite/api/identity';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';

/**
 * The feed's access rule: any signed-in user (agent desktops sign in as their operator),
 * or anyone when the feed is configured public. The global guard has already resolved
 * the token, if any, because the routes are declared `@PublicAccess()`.
 */
@Injectable()
export class FeedReaderGuard implements CanActivate {
  constructor(@Inject(RULEBOOK_OPTIONS) private readonly options: RulebookOptions) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.options.publicFeed) return true;
    const request = context.switchToHttp().getRequest<PepiteRequest>();
    if (request.user) return true;
    throw request.headers.authorization ? CommonErrors.sessionExpired() : CommonErrors.unauthenticated();
  }
}
