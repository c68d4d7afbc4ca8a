import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { databaseName } from '../postgres/data-source-options';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** The table the PostgreSQL store counts in (created by a migration, never by the library). */
export const RATE_LIMIT_TABLE = 'rate_limit_counter';

/**
 * What a limit does while its store (PostgreSQL or Redis) cannot answer:
 * - `per-instance`: counts in this process's memory meanwhile (each instance then allows the
 *   limit, so N instances allow N times it: degraded, never unlimited, never everyone refused);
 * - `open`: lets the request through, as if no limit applied.
 */
export type WhenStoreDown = 'per-instance' | 'open';

export interface SharedLimitOptions {
  /** Short name, unique per limit: the prefix of its keys. */
  readonly name: string;
  readonly points: number;
  readonly windowSeconds: number;
  readonly whenStoreDown: WhenStoreDown;
}

/** The answer of one counter: how many points are used, how long until the window ends. */
export interface LimitState {
  readonly consumed: number;
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
}

export interface SharedLimitsConfig {
  /** PostgreSQL URL of the application database (the default store). */
  readonly databaseUrl: string;
  /** Redis URL: when set, counters live in Redis instead. */
  readonly redisUrl?: string;
  /** Called when the store fails (rate-limited by the caller's logger, not here). */
  readonly onStoreError?: (error: Error, limit: string) => void;
}

/**
 * Limits counted once across every API instance, in PostgreSQL (default: no new service) or
 * Redis (`REDIS_URL`), with rate-limiter-flexible. Its own small pool, so a limit check never
 * waits behind the application's queries, and a short connection timeout, so a store that is
 * down is noticed at once and handled as each limit says (`whenStoreDown`).
 */
export class SharedLimits {
  private readonly pool?: Pool;
  private readonly redis?: Redis;

  constructor(private readonly config: SharedLimitsConfig) {
    if (config.redisUrl) {
      // No offline queue and no retry of a command: a Redis that is down fails the check at
      // once instead of holding the request until it comes back.
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false });
      this.redis.on('error', (error: Error) => config.onStoreError?.(error, 'redis'));
    } else {
      this.pool = new Pool({
        connectionString: config.databaseUrl,
        max: 2,
        connectionTimeoutMillis: 2_000,
        application_name: 'pepite-limits',
      });
      this.pool.on('error', (error: Error) => config.onStoreError?.(error, 'postgres'));
    }
  }

  get store(): 'postgres' | 'redis' {
    return this.redis ? 'redis' : 'postgres';
  }

  limit(options: SharedLimitOptions): SharedLimit {
    // In Redis, keys carry the database's name: deployments (and test databases) sharing one
    // Redis never count in each other's limits.
    const keyPrefix = this.redis ? `pepite:${databaseName(this.config.databaseUrl)}:${options.name}` : options.name;
    const common = { keyPrefix, points: options.points, duration: options.windowSeconds };
    const insuranceLimiter = options.whenStoreDown === 'per-instance' ? new RateLimiterMemory(common) : undefined;
    const limiter: RateLimiterAbstract = this.redis
      ? new RateLimiterRedis({ ...common, storeClient: this.redis, insuranceLimiter })
      : new RateLimiterPostgres({
          ...common,
          storeClient: this.pool,
          storeType: 'pool',
          tableName: RATE_LIMIT_TABLE,
          tableCreated: true,
          insuranceLimiter,
        });
    return new SharedLimit(options, limiter, (error) => this.config.onStoreError?.(error, options.name));
  }

  async close(): Promise<void> {
    await this.pool?.end();
    this.redis?.disconnect();
  }
}

/** One limit: consume a point, look, give points back, forget a key. */
export class SharedLimit {
  constructor(
    readonly options: SharedLimitOptions,
    private readonly limiter: RateLimiterAbstract,
    private readonly storeFailed: (error: Error) => void,
  ) {}

  /** Counts `points` for `key`; `allowed` is false once the window's points are used up. */
  async consume(key: string, points = 1): Promise<LimitState> {
    try {
      return this.state(await this.limiter.consume(key, points), true);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return this.state(outcome, false);
      return this.storeDown(outcome);
    }
  }

  /** The key's state without counting (zero when unknown). */
  async peek(key: string): Promise<LimitState> {
    try {
      const res = await this.limiter.get(key);
      if (!res) return { consumed: 0, allowed: true, retryAfterSeconds: 0 };
      return this.state(res, res.consumedPoints <= this.options.points);
    } catch (error) {
      return this.storeDown(error);
    }
  }

  /** Gives back points (a request that should not have counted), never below zero. */
  async refund(key: string, points = 1): Promise<void> {
    try {
      const res = await this.limiter.get(key);
      if (res && res.consumedPoints > 0) await this.limiter.reward(key, Math.min(points, res.consumedPoints));
    } catch (error) {
      this.storeFailed(asError(error));
    }
  }

  /** Forgets the key (e.g. failures of an account and address after a good password). */
  async reset(key: string): Promise<void> {
    try {
      await this.limiter.delete(key);
    } catch (error) {
      this.storeFailed(asError(error));
    }
  }

  private state(res: RateLimiterRes, allowed: boolean): LimitState {
    return {
      consumed: res.consumedPoints,
      allowed,
      retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    };
  }

  private storeDown(error: unknown): LimitState {
    // Reached only for `open` limits: `per-instance` ones answer from memory inside the library.
    this.storeFailed(asError(error));
    return { consumed: 0, allowed: true, retryAfterSeconds: 0 };
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
