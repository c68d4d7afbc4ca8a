import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { NOTIFICATIONS_CHANNEL } from '../persistence/notification-store';

/** A signal that every watcher must look: the hub may have missed notifications. */
export const EVERYONE = '*';

/** Who should look at their notifications: a recipient's id, or `EVERYONE`. */
export type LookSignal = string;

/** How often every watcher looks even without a notification (a listener that silently died). */
const SAFETY_POLL_MS = 30_000;
const MAX_RECONNECT_MS = 30_000;

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
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private closed = false;
  private failures = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.signal(EVERYONE), SAFETY_POLL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.reconnectTimer);
    this.subject.complete();
    await this.listener?.end().catch(() => undefined);
  }

  /** Whether the LISTEN connection is up. */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  private signal(who: LookSignal): void {
    if (!this.closed) this.subject.next(who);
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'pepite-notifications-listener' });
    client.on('notification', (message) => {
      const recipientId = message.payload ?? '';
      if (isUuid(recipientId)) this.signal(recipientId.toLowerCase());
    });
    client.on('error', (error) => this.logger.warn(`notifications listener: ${error.message}`));
    client.on('end', () => {
      if (this.listener === client) this.listener = undefined;
      if (!this.closed) this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`);
      this.listener = client;
      // Whatever was committed while nobody listened (nothing at start: no watcher yet).
      if (this.failures > 0) this.signal(EVERYONE);
      this.failures = 0;
    } catch (error) {
      this.logger.warn(`notifications listener cannot connect: ${(error as Error).message}`);
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
