import { Module, type DynamicModule } from '@nestjs/common';
import { NotificationReaders } from './application/notification-readers';
import { NotificationEventHub } from './application/notification-event-hub';
import { NotificationWatcher } from './application/notification-watcher';
import { NotificationsService } from './application/notifications.service';
import { NotificationResolver } from './graphql/notification.resolver';

@Module({})
export class NotificationsModule {
  /** Global: any context may inject `NotificationsService` to notify people. */
  static forRoot(): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      providers: [NotificationsService, NotificationReaders, NotificationEventHub, NotificationWatcher, NotificationResolver],
      exports: [NotificationsService, NotificationReaders],
    };
  }
}
