import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

export interface JobQueueOptions {
  readonly url: string;
  /** False on instances that only serve requests: they enqueue but never run jobs. */
  readonly runWorkers: boolean;
  readonly pollingIntervalSeconds?: number;
  /**
   * How often pg-boss's maintenance runs (120 s unless said), once across instances: it is
   * what puts back a job whose instance died while running it, once the job's expiry passed.
   */
  readonly maintenanceIntervalSeconds?: number;
  readonly log?: (message: string) => void;
}

export interface EnqueueOptions {
  readonly startAfter?: Date;
  /** At most one queued job per key: a retried request does not schedule twice. */
  readonly singletonKey?: string;
  /** Enqueue inside this transaction: the job exists if and only if the transaction commits. */
  readonly transaction?: EntityManager;
  /** Retries after a failure (5 unless said); each waits twice the one before. */
  readonly retryLimit?: number;
  /** The first retry's wait (5 s unless said). */
  readonly retryDelaySeconds?: number;
  /**
   * A job still running after this long is taken for dead (its instance was killed) and run
   * again by maintenance (15 min unless said). Only for handlers that are safe to run twice.
   */
  readonly expireInSeconds?: number;
}

/**
 * Durable background work in PostgreSQL (pg-boss 10, the last line for Node 20): jobs
 * survive restarts and run once across instances. pg-boss installs and upgrades its own
 * `pgboss` schema at start, under its own advisory lock.
 */
export interface JobStateCount {
  readonly queue: string;
  readonly state: string;
  readonly count: number;
}

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();

  constructor(private readonly options: JobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.url,
      application_name: 'pepite-jobs',
      max: 4,
      // Cron schedules (periodic sweeps) are kept by the instances that run workers.
      schedule: options.runWorkers,
      supervise: options.runWorkers,
      ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    });
    this.boss.on('error', (error: Error) => options.log?.(`job queue: ${error.message}`));
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  async enqueue(name: string, data: object, options: EnqueueOptions = {}): Promise<void> {
    await this.ensureQueue(name);
    const tx = options.transaction;
    await this.boss.send(name, data, {
      startAfter: options.startAfter,
      singletonKey: options.singletonKey,
      retryLimit: options.retryLimit ?? 5,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
      ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
      db: tx ? { executeSql: async (text, values) => ({ rows: rowsOf(await tx.query(text, values)) }) } : undefined,
    });
  }

  /**
   * Jobs per queue and state, for the metrics: `created` and `retry` wait (the queue's
   * depth), `active` run, `failed` gave up after their retries (kept until pg-boss's retention).
   */
  async stateCounts(): Promise<JobStateCount[]> {
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `SELECT name AS queue, state::text AS state, count(*)::int AS count FROM pgboss.job WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY 1, 2`,
        [],
      );
    return rows as JobStateCount[];
  }

  /**
   * When the waiting jobs of `name` whose `data[key]` is one of `values` run next (a first run
   * or a retry after backoff), keyed by that value: what a log shows as "next attempt".
   */
  async nextRuns(name: string, key: string, values: readonly string[]): Promise<Map<string, Date>> {
    if (values.length === 0) return new Map();
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `SELECT data->>$2 AS key, start_after FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>$2 = ANY($3::text[])`,
        [name, key, values],
      );
    return new Map((rows as { key: string; start_after: Date }[]).map((row) => [row.key, new Date(row.start_after)]));
  }

  /** Runs `handler` for each job of `name`; a throw makes pg-boss retry with backoff. */
  async work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void> {
    await this.ensureQueue(name);
    if (!this.options.runWorkers) return;
    await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  /**
   * Runs `handler` on up to `batchSize` jobs of `name` at a time. A worker waits its polling
   * interval after each fetch, so one job per fetch cannot keep up with a queue fed by every
   * mutation (the e-mail planning): a batch is fetched and handled at once. A throw retries
   * the whole batch, so the handler must be idempotent.
   */
  async workBatch<T extends object>(name: string, batchSize: number, handler: (data: T[]) => Promise<void>): Promise<void> {
    await this.ensureQueue(name);
    if (!this.options.runWorkers) return;
    await this.boss.work<T>(name, { batchSize, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      await handler(jobs.map((job) => job.data));
    });
  }

  /**
   * Runs `handler` on a cron schedule, once per tick across all instances (pg-boss keeps
   * one schedule per name). Used for sweeps over deadlines, which survive restarts.
   */
  async every(name: string, cron: string, handler: () => Promise<void>): Promise<void> {
    await this.ensureQueue(name);
    if (!this.options.runWorkers) return;
    await this.boss.schedule(name, cron, {}, { singletonKey: name });
    await this.work<object>(name, handler);
  }

  private async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    await this.boss.createQueue(name);
    this.queues.add(name);
  }
}

/** TypeORM answers an UPDATE or DELETE with [rows, count] and anything else with rows. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return Array.isArray(result) ? result : [];
}
