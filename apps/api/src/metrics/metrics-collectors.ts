import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@pepite/api/database';
import { PepinStatistics } from '@pepite/api/pepins';
import { ApiMetrics } from './api-metrics';

/**
 * The metrics read at scrape time: this instance's connection pool, and from the shared
 * database the job queues and the overdue pépins per site (the same on every instance:
 * take the max, not the sum, across instances).
 */
@Injectable()
export class MetricsCollectors {
  constructor(metrics: ApiMetrics, @InjectDataSource() dataSource: DataSource, jobs: JobQueue, statistics: PepinStatistics, clock: Clock) {
    const registers = [metrics.registry];
    new Gauge({
      name: 'pepite_db_pool_connections',
      help: "This instance's PostgreSQL pool: connections in use, idle, and requests waiting for one.",
      labelNames: ['state'],
      registers,
      collect() {
        // TypeORM's PostgreSQL driver keeps node-postgres's pool as `master`.
        const pool = (dataSource.driver as unknown as { master?: Pool }).master;
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'pepite_jobs',
      help: 'Durable jobs by queue and state: created and retry wait (queue depth), active run, failed gave up after retries.',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const row of await jobs.stateCounts()) this.set({ queue: row.queue, state: row.state }, row.count);
      },
    });
    new Gauge({
      name: 'pepite_pepins_overdue',
      help: 'Pépins still NEW past their acknowledgement deadline, per site id.',
      labelNames: ['site'],
      registers,
      async collect() {
        this.reset();
        for (const row of await statistics.overdueBySite(clock.now())) this.set({ site: row.siteId }, row.count);
      },
    });
  }
}
