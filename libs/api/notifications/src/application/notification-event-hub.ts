import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { isUuid, PgListener } from '@pepite/api/database';
import { NOTIFICATIONS_CHANNEL } from '../persistence/notification-store';

/** A signal that every watcher must look: the hub may have missed notifications. */
export const EVERYONE = '*';

/** Who should look at their notifications: a recipient's id, or `EVERYONE`. */
export type LookSignal = string;

/** How often every watcher looks even without a notification (a listener that silently died). */
const SAFETY_POLL_MS = 30_000;

/**
 * One LISTEN connection per API instance. A notification carries only the recipient's id:
 * it says "look", and each watcher reads what its recipient got from the table, which
 * stays the truth. After a reconnection (or on the safety poll) the hub cannot know whom
 * it missed, so it tells everyone to look; watchers then catch up exactly.
 */
@Injectable()
export class NotificationEventHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationEventHub.name);
  private readonly subject = new Subject<LookSignal>();
  readonly signals$ = this.subject.asObservable();
  private readonly listener: PgListener;
  private closed = false;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.listener = new PgListener({
      url: (dataSource.options as { url?: string }).url ?? '',
      channel: NOTIFICATIONS_CHANNEL,
      applicationName: 'pepite-notifications-listener',
      onNotification: (recipientId) => {
        if (isUuid(recipientId)) this.signal(recipientId.toLowerCase());
      },
      // After a break the hub cannot know whom it missed: everyone looks.
      onReconnected: () => this.signal(EVERYONE),
      warn: (message) => this.logger.warn(message),
      safetyPollMs: SAFETY_POLL_MS,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.subject.complete();
    await this.listener.stop();
  }

  /** Whether the LISTEN connection is up. */
  get listening(): boolean {
    return this.listener.listening;
  }

  private signal(who: LookSignal): void {
    if (!this.closed) this.subject.next(who);
  }
}
