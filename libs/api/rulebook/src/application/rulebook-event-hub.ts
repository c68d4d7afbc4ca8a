import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { PgListener } from '@pepite/api/database';

import { AdvisoryEntity } from '../persistence/advisory.entity';
import { advisoryEntryOf } from '../persistence/advisory-rows';
import { ReleaseEntity } from '../persistence/release.entity';
import { advisoryFeedEvent, compareOrder, releaseFeedEvent, type FeedEvent, type FeedPosition } from './feed-event';
import { RULEBOOK_CHANNEL } from './release-writer';

/** How often the hub looks at the tables even without a notification (a lost one, a restart). */
const SAFETY_POLL_MS = 30_000;

/**
 * The live events of this instance. A notification carries no data: it only says "look",
 * and the hub reads what follows its position from the tables, which stay the truth. So a
 * listener that reconnects, or an instance that missed a notification, catches up exactly.
 */
@Injectable()
export class RulebookEventHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RulebookEventHub.name);
  private readonly subject = new Subject<FeedEvent>();
  readonly events$ = this.subject.asObservable();
  private readonly ending = new Subject<void>();
  /** Completes when this instance stops serving streams (see `endStreams`). */
  readonly ending$ = this.ending.asObservable();
  private streamsEnded = false;
  private position: FeedPosition = { version: 0, advisorySeq: 0 };
  private readonly listener: PgListener;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.listener = new PgListener({
      url: (dataSource.options as { url?: string }).url ?? '',
      channel: RULEBOOK_CHANNEL,
      applicationName: 'pepite-rulebook-listener',
      onNotification: () => void this.catchUp(),
      onReconnected: () => void this.catchUp(),
      warn: (message) => this.logger.warn(message),
      safetyPollMs: SAFETY_POLL_MS,
    });
  }

  async onModuleInit(): Promise<void> {
    const rows: { last_release: number; last_advisory_seq: number }[] = await this.dataSource.query(
      'SELECT last_release, last_advisory_seq FROM rulebook_counter WHERE id = 1',
    );
    this.position = { version: rows[0]?.last_release ?? 0, advisorySeq: rows[0]?.last_advisory_seq ?? 0 };
    await this.listener.start();
    // Anything published between reading the counter and listening.
    await this.catchUp();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.subject.complete();
    await this.listener.stop();
    await this.chain;
  }

  /**
   * The instance is stopping: every open stream ends now, telling its client to reconnect at
   * once (behind a proxy, to another instance), and new ones are refused. Called on SIGTERM
   * before anything else closes, so clients do not wait for the shutdown's grace period.
   */
  endStreams(): void {
    this.streamsEnded = true;
    this.ending.complete();
  }

  get acceptsStreams(): boolean {
    return !this.streamsEnded && !this.closed;
  }

  get current(): FeedPosition {
    return this.position;
  }

  /** Everything after a position, in order, straight from the tables. */
  async eventsAfter(position: FeedPosition): Promise<FeedEvent[]> {
    const releases = await this.dataSource
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.version > :version', { version: position.version })
      .orderBy('r.version')
      .getMany();
    const advisories = await this.dataSource
      .getRepository(AdvisoryEntity)
      .createQueryBuilder('a')
      .where('a.seq > :seq', { seq: position.advisorySeq })
      .orderBy('a.seq')
      .getMany();
    return [
      ...releases.map((r) =>
        releaseFeedEvent(
          { version: r.version, sha256: r.sha256, signature: r.signature, keyId: r.keyId, publishedAt: r.publishedAt.toISOString() },
          r.advisorySeqAt,
        ),
      ),
      ...advisories.map((a) => advisoryFeedEvent(advisoryEntryOf(a))),
    ].sort((x, y) => compareOrder(x.order, y.order));
  }

  /** The position just after release N (with the advisories published before it). */
  async positionAfterRelease(version: number): Promise<FeedPosition> {
    const rows: { advisory_seq_at: number }[] = await this.dataSource.query(
      'SELECT advisory_seq_at FROM release WHERE version = $1',
      [version],
    );
    return { version, advisorySeq: rows[0]?.advisory_seq_at ?? this.position.advisorySeq };
  }

  /** Serialised, so two notifications never emit the same event twice. */
  catchUp(): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.closed) return;
      try {
        for (const event of await this.eventsAfter(this.position)) {
          this.position =
            event.kind === 'release'
              ? { version: event.release.version, advisorySeq: this.position.advisorySeq }
              : { version: this.position.version, advisorySeq: event.advisory.seq };
          this.subject.next(event);
        }
      } catch (error) {
        this.logger.warn(`rulebook catch-up failed: ${(error as Error).message}`);
      }
    });
    return this.chain;
  }
}
