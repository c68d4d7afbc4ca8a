import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, JobQueue } from '@pepite/api/database';
import { notificationDraft, type NotificationView, type NotifyInput } from '../domain/notification';
import { NotificationErrors } from '../notifications.errors';
import { countUnread, insertNotifications, markRead, readPage } from '../persistence/notification-store';
import { MAIL_PLAN_JOB, MailOutbox } from './mail/mail-outbox.service';

export const MAX_NOTIFICATIONS_PAGE = 100;

export interface NotificationPageQuery {
  /** Page size, 1 to `MAX_NOTIFICATIONS_PAGE`. */
  readonly first: number;
  /** The id of the last notification of the previous page; omitted for the first page. */
  readonly after?: string | null;
  /** Only the notifications not read yet. */
  readonly unreadOnly?: boolean;
}

export interface NotificationPage {
  /** Newest first. */
  readonly notifications: readonly NotificationView[];
  readonly hasNextPage: boolean;
  /** Every unread notification of the user, whatever the page. */
  readonly unreadCount: number;
}

/**
 * In-app notifications. Other contexts call `notify` (in their own transaction, so a state
 * change and the news of it commit together); users read and mark their own.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly outbox: MailOutbox,
  ) {}

  /**
   * Stores one notification per distinct recipient and tells the live subscriptions to
   * look, in `manager`'s transaction when given: if it rolls back, nothing is stored and
   * nobody is told. Without a manager the write is one statement of its own.
   * Invalid input (a recipient id that is not a UUID, an empty text…) throws a plain
   * `Error`: it is a bug of the calling context, not something a user typed.
   * When e-mail is on, the job that plans the e-mails is queued in the same transaction:
   * no e-mail for news that rolled back, and none lost for news that committed.
   */
  async notify(input: NotifyInput, manager?: EntityManager): Promise<void> {
    const draft = notificationDraft(input);
    if (!this.outbox.enabled) {
      await insertNotifications(manager ?? this.dataSource.manager, draft);
      return;
    }
    const write = async (tx: EntityManager) => {
      const notificationIds = await insertNotifications(tx, draft);
      if (notificationIds.length > 0) await this.jobs.enqueue(MAIL_PLAN_JOB, { notificationIds }, { transaction: tx });
    };
    await (manager ? write(manager) : this.dataSource.transaction(write));
  }

  /** A page of the user's own notifications, newest first, with their unread count. */
  async list(userId: string, query: NotificationPageQuery): Promise<NotificationPage> {
    const { first } = query;
    if (!Number.isInteger(first) || first < 1 || first > MAX_NOTIFICATIONS_PAGE) {
      throw new Error(`list: first must be an integer from 1 to ${MAX_NOTIFICATIONS_PAGE}`);
    }
    if (query.after != null && !isUuid(query.after)) throw NotificationErrors.invalidCursor();
    const rows = await readPage(this.dataSource.manager, userId, {
      first,
      afterId: query.after,
      unreadOnly: query.unreadOnly ?? false,
    });
    if (rows === null) throw NotificationErrors.invalidCursor();
    return {
      notifications: rows.slice(0, first),
      hasNextPage: rows.length > first,
      unreadCount: await countUnread(this.dataSource.manager, userId),
    };
  }

  unreadCount(userId: string): Promise<number> {
    return countUnread(this.dataSource.manager, userId);
  }

  /**
   * Marks the user's own notifications read and returns how many were unread. Ids of
   * other people's notifications, unknown or malformed ids, and notifications already
   * read count for nothing: the answer never tells whether someone else's id exists.
   */
  markRead(userId: string, target: readonly string[] | 'all'): Promise<number> {
    const ids = target === 'all' ? target : [...new Set(target.filter(isUuid).map((id) => id.toLowerCase()))];
    if (ids !== 'all' && ids.length === 0) return Promise.resolve(0);
    return markRead(this.dataSource.manager, userId, ids);
  }
}
