import { NotificationEntity } from './notification.entity';

/** The tables the notifications context owns. */
export const NOTIFICATION_ENTITIES = [NotificationEntity];
