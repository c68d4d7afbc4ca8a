import { MailDeliveryEntity } from './mail-delivery.entity';
import { MailPreferenceEntity } from './mail-preference.entity';
import { NotificationEntity } from './notification.entity';

/** The tables the notifications context owns. */
export const NOTIFICATION_ENTITIES = [NotificationEntity, MailPreferenceEntity, MailDeliveryEntity];
