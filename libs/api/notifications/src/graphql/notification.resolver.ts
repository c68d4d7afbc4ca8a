import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { from, map, switchMap } from 'rxjs';
import type { Locale } from '@pepite/api/errors';
import { observableAsyncIterator } from '@pepite/api/database';
import { AnyRole, CurrentUser, ReaderLocale, type AuthenticatedUser } from '@pepite/api/identity';
import { NotificationReaders } from '../application/notification-readers';
import { NotificationWatcher } from '../application/notification-watcher';
import { NotificationsService } from '../application/notifications.service';
import { NotificationErrors } from '../notifications.errors';
import { NotificationConnectionType } from './notification-connection.type';
import { idOfCursor, notificationCursor } from './notification-cursor';
import { NotificationType } from './notification.type';
import { MarkNotificationsReadArgs } from './mark-notifications-read.args';
import { NotificationsArgs } from './notifications.args';
import { connectionOf } from '@pepite/api/graphql-kit';

/** Every signed-in user reads, marks and watches their own notifications, and only theirs. */
@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly watcher: NotificationWatcher,
    private readonly readers: NotificationReaders,
  ) {}

  @AnyRole()
  @Query(() => NotificationConnectionType, { description: 'Your notifications, newest first (Relay connection).' })
  async notifications(
    @CurrentUser() caller: AuthenticatedUser,
    @ReaderLocale() locale: Locale,
    @Args() { first, after, unreadOnly }: NotificationsArgs,
  ): Promise<NotificationConnectionType> {
    const afterId = after == null ? null : idOfCursor(after);
    const page = await this.service.list(caller.id, { first, after: afterId, unreadOnly });
    const reader = await this.readers.readerOf(caller, locale);
    const edges = page.notifications.map((notification) => ({
      cursor: notificationCursor(notification.id),
      node: NotificationType.of(notification, reader),
    }));
    return {
      // The cursor was one of the caller's notifications: at least that one comes before.
      ...connectionOf(edges, { hasNextPage: page.hasNextPage, hasPreviousPage: afterId !== null }),
      unreadCount: page.unreadCount,
    };
  }

  @AnyRole()
  @Mutation(() => Int, {
    description:
      'Marks your notifications read: either `ids` or `all: true`. Returns how many were unread and are now read ' +
      '(ids of notifications that are not yours, or already read, count for nothing).',
  })
  markNotificationsRead(
    @CurrentUser() caller: AuthenticatedUser,
    @Args() { ids, all }: MarkNotificationsReadArgs,
  ): Promise<number> {
    if (all != null && ids != null) throw NotificationErrors.markReadTarget();
    if (all === true) return this.service.markRead(caller.id, 'all');
    if (ids != null) return this.service.markRead(caller.id, ids);
    throw NotificationErrors.markReadTarget();
  }

  @AnyRole()
  @Subscription(() => NotificationType, {
    description: 'Each notification you receive from now on, once, as soon as it is committed (graphql-ws).',
    resolve: (notification: NotificationType) => notification,
  })
  notificationAdded(
    @CurrentUser() caller: AuthenticatedUser,
    @ReaderLocale() locale: Locale,
  ): AsyncIterableIterator<NotificationType> {
    return observableAsyncIterator(
      from(this.readers.readerOf(caller, locale)).pipe(
        switchMap((reader) =>
          this.watcher.watch(caller.id).pipe(map((notification) => NotificationType.of(notification, reader))),
        ),
      ),
    );
  }
}
