import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { JobQueue } from '@pepite/api/database';
import { identityBytes } from '../persistence/release-identity';

const brotliAsync = promisify(brotliCompress);

export const RELEASE_BROTLI_JOB = 'rulebook.release-brotli';

/**
 * A release's brotli body, made after its publication has committed (seconds of CPU for a
 * rulebook of thousands of rules, which a publisher should not wait for). The job is
 * enqueued in the publication's transaction, runs on whichever instance takes it, and
 * stores the bytes once: until then the feed serves gzip to readers that prefer brotli
 * (docs/decisions/0012-publication-cost.md).
 */
@Injectable()
export class ReleaseBrotli implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<{ version: number }>(RELEASE_BROTLI_JOB, async ({ version }) => {
      await this.compress(version);
    });
  }

  /** In the publication's transaction: the job exists if and only if the release does. */
  schedule(version: number, tx: EntityManager): Promise<void> {
    return this.jobs.enqueue(RELEASE_BROTLI_JOB, { version }, { singletonKey: `release-brotli:${version}`, transaction: tx });
  }

  /**
   * Compresses and stores release `version`'s brotli body unless it is already stored.
   * Idempotent across instances: two runs compute the same bytes from the same snapshot,
   * and only the first update finds the column empty. True when this call stored it.
   */
  async compress(version: number): Promise<boolean> {
    const rows: { snapshot: Buffer | null; gzip: Buffer | null }[] = await this.dataSource.query(
      'SELECT snapshot, CASE WHEN snapshot IS NULL THEN snapshot_gzip END AS gzip FROM release WHERE version = $1 AND snapshot_brotli IS NULL',
      [version],
    );
    const row = rows[0];
    if (!row) return false;
    const snapshot = await identityBytes(row.snapshot, row.gzip as Buffer);
    const brotli = await brotliAsync(snapshot, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        // Quality 11 costs seconds on a multi-megabyte rulebook for a few percent; 9 is the knee.
        [zlib.BROTLI_PARAM_QUALITY]: snapshot.length > 1_000_000 ? 9 : 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: snapshot.length,
      },
    });
    const [, updated] = (await this.dataSource.query('UPDATE release SET snapshot_brotli = $2 WHERE version = $1 AND snapshot_brotli IS NULL', [
      version,
      brotli,
    ])) as [unknown, number];
    return updated === 1;
  }
}
