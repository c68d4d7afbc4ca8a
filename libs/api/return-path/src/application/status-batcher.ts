import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recordStatuses, type StatusReport } from '../persistence/desktop-status-store';

/** How long a report waits for others before its batch is written. */
const BATCH_WINDOW_MS = 100;
/** A batch this large is written at once, without waiting for the window. */
const MAX_BATCH = 2_000;

interface Waiting {
  readonly report: StatusReport;
  /** `performance.now()` when it arrived: a report never waits for others longer than the window. */
  readonly since: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Desktop reports written in batches (issue 19, bench/status-storm.mjs): after a publication
 * ten thousand desktops report within half a minute, and one transaction each (four round
 * trips, a WAL flush at every commit) cost the API more than the feed it serves. Reports wait
 * here at most `BATCH_WINDOW_MS`, then one statement writes them all; each caller is
 * answered only once its batch has committed, so nothing acknowledged is lost, and a failed
 * batch fails every report in it (the desktop keeps it owed and sends it again). One batch
 * is written at a time per instance; several instances write concurrently, which the
 * statements allow (idempotent upserts in key order, docs/decisions/0011).
 */
@Injectable()
export class DesktopStatusBatcher implements OnModuleDestroy {
  private readonly logger = new Logger(DesktopStatusBatcher.name);
  private queue: Waiting[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves once the report is committed; rejects if its batch could not be written. */
  record(report: StatusReport): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ report, since: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  async onModuleDestroy(): Promise<void> {
    // What was accepted is written before the connection pool closes.
    while (this.writing || this.queue.length > 0) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      await (this.writing ?? this.write());
    }
  }

  private schedule(): void {
    if (this.writing) return; // the running write schedules the next one when it ends
    const oldest = this.queue[0];
    if (!oldest) return;
    // The window counts from the oldest report's arrival, not from the end of the last write:
    // during a storm, reports that arrived while a batch was being written have waited enough
    // and go at once (a fresh window after each write held every report ~100 ms more).
    const wait = BATCH_WINDOW_MS - (performance.now() - oldest.since);
    if (this.queue.length >= MAX_BATCH || wait <= 0) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      void this.write();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.write();
      }, wait);
    }
  }

  private write(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    // One statement, its own transaction; heartbeats move nothing a manager sees: only a
    // first run of a release is announced (by the statement itself, at its commit).
    const run = recordStatuses(this.dataSource.manager, batch.map((waiting) => waiting.report))
      .then(
        () => batch.forEach((waiting) => waiting.resolve()),
        (error: unknown) => {
          this.logger.warn({ err: error, reports: batch.length }, 'a batch of desktop statuses could not be written');
          batch.forEach((waiting) => waiting.reject(error));
        },
      )
      .finally(() => {
        this.writing = undefined;
        if (this.queue.length > 0) this.schedule();
      });
    this.writing = run;
    return run;
  }
}
