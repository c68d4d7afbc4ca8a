import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentUser, Role, type AuthenticatedUser } from '@pepite/api/identity';
import { WebhookRegistry } from '../application/webhook-registry.service';
import {
  RegisteredWebhookType,
  RegisterWebhookInput,
  SetWebhookEnabledArgs,
  WebhookDeliveriesArgs,
  WebhookDeliveryType,
  WebhookType,
} from './webhook.types';

/** Webhooks are the platform's plumbing: admins only. */
@Resolver(() => WebhookType)
@Access(Role.ADMIN)
export class WebhookResolver {
  constructor(private readonly registry: WebhookRegistry) {}

  @Query(() => [WebhookType], { description: 'Every registered webhook (admins).' })
  async webhooks(): Promise<WebhookType[]> {
    return (await this.registry.list()).map(WebhookType.of);
  }

  @Query(() => [WebhookDeliveryType], { description: 'The delivery log of one webhook, newest first (admins).' })
  async webhookDeliveries(@Args() { webhookId, first }: WebhookDeliveriesArgs): Promise<WebhookDeliveryType[]> {
    return (await this.registry.deliveries(webhookId, first ?? 50)).map(WebhookDeliveryType.of);
  }

  @Mutation(() => RegisteredWebhookType, { description: 'Registers a webhook; its signing secret is returned this once (admins).' })
  async registerWebhook(
    @CurrentUser() caller: AuthenticatedUser,
    @Args('input') input: RegisterWebhookInput,
  ): Promise<RegisteredWebhookType> {
    const { webhook, secret } = await this.registry.register(caller.id, input);
    return { webhook: WebhookType.of(webhook), secret };
  }

  @Mutation(() => WebhookType, { description: 'Switches a webhook on (its failure count restarts) or off (admins).' })
  async setWebhookEnabled(@CurrentUser() caller: AuthenticatedUser, @Args() { id, enabled }: SetWebhookEnabledArgs): Promise<WebhookType> {
    return WebhookType.of(await this.registry.setEnabled(caller.id, id, enabled));
  }

  @Mutation(() => Boolean, { description: 'Removes a webhook and its delivery log (admins).' })
  deleteWebhook(@CurrentUser() caller: AuthenticatedUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.registry.remove(caller.id, id);
  }
}
