export { WebhooksModule } from './webhooks.module';
export type { WebhooksOptions } from './webhooks.options';
export { WebhookEvents, WEBHOOK_DELIVERY_JOB } from './application/webhook-events.service';
export { WebhookDispatcher } from './application/webhook-dispatcher';
export { WebhookRegistry, type RegisterWebhookCommand } from './application/webhook-registry.service';
export { WEBHOOK_ENTITIES } from './persistence/webhooks-entities';
export {
  WEBHOOK_EVENTS,
  PAYLOAD_VERSION,
  type PepinPayload,
  type ProposalPayload,
  type WebhookEnvelope,
  type WebhookEvent,
  type WebhookEventType,
} from './domain/webhook-event';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './domain/webhook-signature';
