import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { GraphQLResolveInfo } from 'graphql';
import { rateLimitedError } from '@pepite/api/errors';
import { IDENTITY_OPTIONS, type IdentityOptions, type RateLimitBucket } from '../identity.options';
import { requestOf } from './request-of';

export const RATE_LIMIT_METADATA = 'pepite:rate-limit';

/** Counts this operation in a per-user bucket of its own too (e.g. `filing` on filePepin). */
export const RateLimited = (bucket: Exclude<RateLimitBucket, 'mutation'>) => SetMetadata(RATE_LIMIT_METADATA, bucket);

/**
 * Global guard, after the access guard: every root mutation field a signed-in user sends
 * counts in their `mutation` bucket (aliases and fragments one by one, as guards run per
 * field), and `@RateLimited` operations in their own bucket as well. Beyond a limit the
 * field fails with RATE_LIMITED, `extensions.retryAfterSeconds` and a `Retry-After` header.
 * Anonymous operations (login) have their own limits (LoginThrottlerGuard).
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limits = this.options.rateLimits;
    if (!limits || context.getType<string>() !== 'graphql') return true;
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
      const { limit, windowSeconds } = limits[bucket];
      const ttl = windowSeconds * 1000;
      const record = await this.storage.increment(`${bucket}:${user.id}`, ttl, limit, ttl, `user-${bucket}`);
      if (record.isBlocked) {
        const retryAfterSeconds = Math.max(1, Math.ceil(record.timeToBlockExpire));
        const res = gql.getContext<{ res?: { setHeader?: (name: string, value: string) => void } }>().res;
        res?.setHeader?.('Retry-After', String(retryAfterSeconds));
        throw rateLimitedError(retryAfterSeconds);
      }
    }
    return true;
  }
}
