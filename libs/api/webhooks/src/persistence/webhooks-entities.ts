import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEntity } from './webhook.entity';

/** The tables the webhooks context owns. */
export const WEBHOOK_ENTITIES = [WebhookEntity, WebhookDeliveryEntity];
