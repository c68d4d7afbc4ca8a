import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RateLimitBucket } from '../identity.options';
import { requestOf } from '../access/request-of';
import { refuse } from './refuse';
import { UserRateLimits } from './user-rate-limits';

export const RATE_LIMIT_METADATA = 'pepite:rate-limit';

/** Counts this operation in a per-user bucket of its own too (e.g. `filing` on filePepin). */
export const RateLimited = (bucket: Exclude<RateLimitBucket, 'mutation'>) => SetMetadata(RATE_LIMIT_METADATA, bucket);

/**
 * Global guard, after the access guard: every root mutation field a signed-in user sends
 * counts in their `mutation` bucket (aliases and fragments one by one, as guards run per
 * field), and `@RateLimited` operations in their own bucket as well. Beyond a limit the
 * field fails with RATE_LIMITED, `extensions.retryAfterSeconds` and a `Retry-After` header.
 * Anonymous operations (login) have their own limits (LoginDefence).
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: UserRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.limits.enabled || context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return true;
    const request = requestOf(context);
    const user = request.user ?? (await request.pepiteUser?.catch(() => null));
    if (!user) return true;
    const buckets: RateLimitBucket[] = ['mutation'];
    const own = this.reflector.get<RateLimitBucket | undefined>(RATE_LIMIT_METADATA, context.getHandler());
    if (own) buckets.push(own);
    for (const bucket of buckets) {
      const state = await this.limits.consume(bucket, user.id);
      if (!state.allowed) throw refuse(state.retryAfterSeconds, gql.getContext<{ res?: object }>().res);
    }
    return true;
  }
}
