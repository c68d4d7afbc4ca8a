import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@pepite/api/database';
import { purgeStatuses } from '../persistence/desktop-status-store';
import { purgeAcknowledgements } from '../persistence/rule-acknowledgement-store';
import { purgeSearchGaps } from '../persistence/search-gap-store';
import { MANDATORY_READING_DAYS } from '../domain/mandatory-reading';
import { RETURN_PATH_OPTIONS, type ReturnPathOptions } from '../return-path.options';

export const RETURN_PATH_RETENTION_JOB = 'return-path.retention';
const DAY_MS = 86_400_000;

export interface PurgeOutcome {
  readonly desktopRows: number;
  readonly searchGapRows: number;
  readonly acknowledgementRows: number;
}

/**
 * Keeps no more than needed (issue 19, SECURITY.md): a durable pg-boss schedule deletes,
 * once an hour on one instance, desktop statuses, unanswered searches and "J'ai lu et
 * compris" records older than their retention, and acknowledgements superseded by a later
 * one of the same rule once their change is off the desktops. Judged by the application's Clock, which tests move forward.
 */
@Injectable()
export class ReturnPathRetention implements OnModuleInit {
  private readonly logger = new Logger(ReturnPathRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RETURN_PATH_OPTIONS) private readonly options: ReturnPathOptions,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.every(RETURN_PATH_RETENTION_JOB, '23 * * * *', async () => {
      const purged = await this.purge();
      if (purged.desktopRows + purged.searchGapRows + purged.acknowledgementRows > 0) {
        this.logger.log(
          `retention: deleted ${purged.desktopRows} desktop row(s), ${purged.searchGapRows} search row(s), ${purged.acknowledgementRows} acknowledgement(s)`,
        );
      }
    });
  }

  /** Deletes what is older than the retention at the clock's now. */
  async purge(): Promise<PurgeOutcome> {
    const now = this.clock.now().getTime();
    return this.dataSource.transaction(async (tx) => ({
      desktopRows: await purgeStatuses(tx, new Date(now - this.options.desktopStatusRetentionDays * DAY_MS)),
      searchGapRows: await purgeSearchGaps(tx, new Date(now - this.options.searchGapRetentionDays * DAY_MS)),
      acknowledgementRows: await purgeAcknowledgements(tx, {
        // Never while the change still shows on desktops, whatever the setting says.
        expiredBefore: new Date(now - Math.max(this.options.acknowledgementRetentionDays, MANDATORY_READING_DAYS) * DAY_MS),
        offDesktopsBefore: new Date(now - MANDATORY_READING_DAYS * DAY_MS),
      }),
    }));
  }
}
