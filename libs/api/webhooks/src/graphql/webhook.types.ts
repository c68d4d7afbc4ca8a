import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { WebhookEntity } from '../persistence/webhook.entity';
import { MAX_DELIVERIES_PAGE, type LoggedDelivery } from '../application/webhook-registry.service';

export enum WebhookFormatEnum {
  JSON = 'JSON',
  TEAMS = 'TEAMS',
}

registerEnumType(WebhookFormatEnum, {
  name: 'WebhookFormat',
  description: 'What a webhook receives.',
  valuesMap: {
    JSON: { description: 'The versioned JSON payload (docs/webhooks.md).' },
    TEAMS: { description: 'A Microsoft Teams incoming-webhook message with an Adaptive Card.' },
  },
});

@ObjectType('Webhook', { description: 'A receiver of events, registered by an admin.' })
export class WebhookType {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: 'pepin.filed, pepin.acknowledged, pepin.became_pepite, vote.opened, vote.closed, release.published, advisory.published.' })
  events!: string[];

  @Field(() => WebhookFormatEnum)
  format!: WebhookFormatEnum;

  @Field({ description: 'False once disabled, by an admin or after repeated failures.' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Failed attempts since the last success.' })
  consecutiveFailures!: number;

  @Field(() => Date, { nullable: true })
  disabledAt!: Date | null;

  @Field()
  createdAt!: Date;

  static of(entity: WebhookEntity): WebhookType {
    return {
      id: entity.id,
      url: entity.url,
      events: entity.events,
      format: entity.format as WebhookFormatEnum,
      enabled: entity.enabled,
      consecutiveFailures: entity.consecutiveFailures,
      disabledAt: entity.disabledAt,
      createdAt: entity.createdAt,
    };
  }
}

@ObjectType('RegisteredWebhook')
export class RegisteredWebhookType {
  @Field(() => WebhookType)
  webhook!: WebhookType;

  @Field({ description: 'Keys the X-Pepite-Signature header. Shown this once: store it in the receiver.' })
  secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One event sent (or being sent) to one webhook: the delivery log.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Also the X-Pepite-Delivery header: receivers drop repeats by it.' })
  id!: string;

  @Field(() => ID, { description: 'The event, the same in every webhook’s delivery of it.' })
  eventId!: string;

  @Field()
  eventType!: string;

  @Field({ description: 'PENDING (being tried), DELIVERED or FAILED.' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer.' })
  lastResponseStatus!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'While PENDING: when the next attempt is due (after the backoff).' })
  nextAttemptAt!: Date | null;

  static of({ delivery, nextAttemptAt }: LoggedDelivery): WebhookDeliveryType {
    const { id, eventId, eventType, status, attempts, lastResponseStatus, lastError, createdAt, lastAttemptAt, deliveredAt } = delivery;
    return { id, eventId, eventType, status, attempts, lastResponseStatus, lastError, createdAt, lastAttemptAt, deliveredAt, nextAttemptAt };
  }
}

@InputType('RegisterWebhookInput')
export class RegisterWebhookInput {
  @Field({ description: 'http:// or https://; internal addresses are refused unless WEBHOOK_ALLOWED_TARGETS allows them.' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsString({ each: true })
  events!: string[];

  @Field(() => WebhookFormatEnum, { defaultValue: WebhookFormatEnum.JSON })
  @IsIn(Object.values(WebhookFormatEnum))
  format!: WebhookFormatEnum;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID)
  @IsString()
  webhookId!: string;

  @Field(() => Int, { defaultValue: 50, description: `At most ${MAX_DELIVERIES_PAGE}, newest first.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DELIVERIES_PAGE)
  first!: number;
}

@ArgsType()
export class SetWebhookEnabledArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field()
  @IsBoolean()
  enabled!: boolean;
}
