import { Module, type DynamicModule } from '@nestjs/common';
import { MailOutbox } from './application/mail/mail-outbox.service';
import { MailPreferences } from './application/mail/mail-preferences.service';
import { MailTransport } from './application/mail/mail-transport';
import { MAIL_OPTIONS, type MailOptions } from './application/mail/mail.options';
import { NotificationReaders } from './application/notification-readers';
import { NotificationEventHub } from './application/notification-event-hub';
import { NotificationWatcher } from './application/notification-watcher';
import { NotificationsService } from './application/notifications.service';
import { MailPreferenceResolver } from './graphql/mail-preference.resolver';
import { NotificationResolver } from './graphql/notification.resolver';
import { MailUnsubscribeController } from './http/mail-unsubscribe.controller';

@Module({})
export class NotificationsModule {
  /** Global: any context may inject `NotificationsService` to notify people. */
  static forRoot(options: { mail: MailOptions }): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      controllers: [MailUnsubscribeController],
      providers: [
        { provide: MAIL_OPTIONS, useValue: options.mail },
        NotificationsService,
        NotificationReaders,
        NotificationEventHub,
        NotificationWatcher,
        NotificationResolver,
        MailTransport,
        MailOutbox,
        MailPreferences,
        MailPreferenceResolver,
      ],
      exports: [NotificationsService, NotificationReaders, MailOutbox],
    };
  }
}
