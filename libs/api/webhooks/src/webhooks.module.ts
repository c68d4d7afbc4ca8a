import { Module, type DynamicModule } from '@nestjs/common';
import { WebhookDispatcher } from './application/webhook-dispatcher';
import { WebhookEvents } from './application/webhook-events.service';
import { WebhookRegistry } from './application/webhook-registry.service';
import { WebhookResolver } from './graphql/webhook.resolver';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhooks.options';

@Module({})
export class WebhooksModule {
  /** Global: the contexts where events happen inject `WebhookEvents` to publish them. */
  static forRoot(options: WebhooksOptions): DynamicModule {
    return {
      module: WebhooksModule,
      global: true,
      providers: [{ provide: WEBHOOKS_OPTIONS, useValue: options }, WebhookEvents, WebhookDispatcher, WebhookRegistry, WebhookResolver],
      exports: [WebhookEvents, WebhookRegistry],
    };
  }
}
