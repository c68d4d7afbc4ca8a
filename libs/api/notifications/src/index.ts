export type { NotifyInput, NotificationView } from './domain/notification';
export {
  MAX_NOTIFICATIONS_PAGE,
  NotificationsService,
  type NotificationPage,
  type NotificationPageQuery,
} from './application/notifications.service';
export { NOTIFICATION_ENTITIES } from './persistence/notification-entities';
export { NotificationErrors } from './notifications.errors';
export { NotificationsModule } from './notifications.module';
export { NotificationReaders, DEFAULT_TIME_ZONE } from './application/notification-readers';
export {
  LEGACY_KIND,
  NOTIFICATION_KINDS,
  renderNotification,
  type Renderable,
} from './domain/rendering/render-notification';
export type { Reader, RenderedNotification } from './domain/rendering/rendering-kit';
export { MailOutbox, MAIL_PLAN_JOB, MAIL_SWEEP_JOB } from './application/mail/mail-outbox.service';
export type { MailOptions } from './application/mail/mail.options';
export { DeliveryMode, defaultMode } from './domain/mail/delivery-preferences';
export { latestDigestPeriod } from './domain/mail/digest-period';
