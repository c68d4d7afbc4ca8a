import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asyncScheduler, map, merge, throttleTime, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { IdSignalHub } from '@pepite/api/database';
import { RulebookEventHub } from '@pepite/api/rulebook';
import { FLOOR_CHANGES_CHANNEL } from '../persistence/floor-change-signal';

const logger = new Logger('FloorChangeHub');
/** At most one push per site and watcher this often, however many reports arrive (a storm of 10,000). */
export const FLOOR_PUSH_EVERY_MS = 1_000;

/**
 * "The floor of this site moved: read it again" for the managers' /floor screen: a desktop
 * ran a release for the first time (a batch of status reports wrote a new uptake row), an
 * operator acknowledged a mandatory change, or a release or advisory was published (every
 * site). Signals come through LISTEN/NOTIFY after commit, from any instance; each watcher gets
 * at most one per `FLOOR_PUSH_EVERY_MS` (the first at once, the last of a burst at the end of
 * the window), so a storm of reports makes one refetch a second, not one per report.
 */
@Injectable()
export class FloorChangeHub extends IdSignalHub implements OnModuleInit, OnModuleDestroy {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly rulebook: RulebookEventHub,
  ) {
    super(dataSource, {
      channel: FLOOR_CHANGES_CHANNEL,
      applicationName: 'pepite-floor-changes-listener',
      // A screen left open is refreshed at least this often if the listener died unseen.
      safetyPollMs: 60_000,
      warn: (message) => logger.warn(message),
    });
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** The site's id each time its floor (may have) moved, coalesced. */
  changesOf(siteId: string): Observable<string> {
    const site = siteId.toLowerCase();
    return merge(this.signalsFor(site), this.rulebook.events$.pipe(map(() => site))).pipe(
      throttleTime(FLOOR_PUSH_EVERY_MS, asyncScheduler, { leading: true, trailing: true }),
    );
  }
}
