import { Inject, Injectable } from '@nestjs/common';
import { SharedLimits, type LimitState, type SharedLimit } from '@pepite/api/database';
import { IDENTITY_OPTIONS, type IdentityOptions, type RateLimitBucket } from '../identity.options';

/**
 * The per-user limits (`mutation` on every root mutation field, `filing` on filePepin),
 * counted once across instances. They fail open while the store is down: they keep a
 * runaway client of a signed-in, accountable user from hogging the service, and refusing
 * every user's work for a store outage would be worse than letting a few more through.
 */
@Injectable()
export class UserRateLimits {
  private readonly limits = new Map<RateLimitBucket, SharedLimit>();

  constructor(@Inject(IDENTITY_OPTIONS) options: IdentityOptions, store: SharedLimits) {
    for (const [bucket, { limit, windowSeconds }] of Object.entries(options.rateLimits ?? {})) {
      this.limits.set(
        bucket as RateLimitBucket,
        store.limit({ name: `user-${bucket}`, points: limit, windowSeconds, whenStoreDown: 'open' }),
      );
    }
  }

  get enabled(): boolean {
    return this.limits.size > 0;
  }

  /** Counts one request of `userId` in `bucket`; the state says whether it may go on. */
  async consume(bucket: RateLimitBucket, userId: string): Promise<LimitState> {
    const limit = this.limits.get(bucket);
    return limit ? limit.consume(userId) : { consumed: 0, allowed: true, retryAfterSeconds: 0 };
  }

  /**
   * A retry answered from its idempotency record made nothing new: what it was counted
   * (its own bucket and `mutation`) is given back.
   */
  async forgiveReplay(userId: string, bucket: RateLimitBucket): Promise<void> {
    const buckets = new Set<RateLimitBucket>(['mutation', bucket]);
    await Promise.all([...buckets].map((name) => this.limits.get(name)?.refund(userId)));
  }
}
