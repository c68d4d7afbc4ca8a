import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';

import { AdvisoryEntity } from '../persistence/advisory.entity';
import { advisoryEntryOf } from '../persistence/advisory-rows';
import { ReleaseEntity } from '../persistence/release.entity';
import { advisoryFeedEvent, compareOrder, releaseFeedEvent, type FeedEvent, type FeedPosition } from './feed-event';
import { RULEBOOK_CHANNEL } from './release-writer';

/** How often the hub looks at the tables even without a notification (a lost one, a restart). */
const SAFETY_POLL_MS = 30_000;
const MAX_RECONNECT_MS = 30_000;

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
  private position: FeedPosition = { version: 0, advisorySeq: 0 };
  private listener?: Client;
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private closed = false;
  private failures = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const rows: { last_release: number; last_advisory_seq: number }[] = await this.dataSource.query(
      'SELECT last_release, last_advisory_seq FROM rulebook_counter WHERE id = 1',
    );
    this.position = { version: rows[0]?.last_release ?? 0, advisorySeq: rows[0]?.last_advisory_seq ?? 0 };
    await this.listen();
    this.timer = setInterval(() => this.catchUp(), SAFETY_POLL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.reconnectTimer);
    this.subject.complete();
    await this.listener?.end().catch(() => undefined);
    await this.chain;
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

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'pepite-rulebook-listener' });
    client.on('notification', () => void this.catchUp());
    client.on('error', (error) => this.logger.warn(`rulebook listener: ${error.message}`));
    client.on('end', () => {
      if (!this.closed) this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RULEBOOK_CHANNEL}`);
      this.listener = client;
      this.failures = 0;
      // Anything published while we were not listening.
      await this.catchUp();
    } catch (error) {
      this.logger.warn(`rulebook listener cannot connect: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.reconnectLater();
    }
  }

  private reconnectLater(): void {
    if (this.closed || this.reconnectTimer) return;
    this.failures++;
    const delay = Math.min(MAX_RECONNECT_MS, 500 * 2 ** Math.min(this.failures, 6));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.listen();
    }, delay).unref();
  }
}
