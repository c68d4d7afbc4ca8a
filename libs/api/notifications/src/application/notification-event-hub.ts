import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IdSignalHub } from '@pepite/api/database';
import { NOTIFICATIONS_CHANNEL } from '../persistence/notification-store';

const logger = new Logger('NotificationEventHub');

/**
 * Who should look at their notifications: the recipient's id arrives on
 * `NOTIFICATIONS_CHANNEL` after commit, from any instance; each watcher then reads what its
 * recipient got from the table, which stays the truth (see `IdSignalHub`).
 */
@Injectable()
export class NotificationEventHub extends IdSignalHub {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, {
      channel: NOTIFICATIONS_CHANNEL,
      applicationName: 'pepite-notifications-listener',
      // A listener that silently died is caught within this.
      safetyPollMs: 30_000,
      warn: (message) => logger.warn(message),
    });
  }
}
