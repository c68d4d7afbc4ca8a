import { Check, CreateDateColumn, Entity, Index, Unique } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * One event for one webhook, and how its delivery went: the delivery log admins read.
 * Written in the transaction of the event itself, with the pg-boss job that sends it.
 */
@Entity('webhook_delivery')
@Unique('webhook_delivery_once_per_event', ['webhookId', 'eventId'])
@Check('webhook_delivery_status_check', `status IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Index(['webhookId', 'createdAt'])
export class WebhookDeliveryEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() webhookId!: string;
  @Columns.Uuid() eventId!: string;
  @Columns.Varchar(40) eventType!: string;

  /** The exact bytes sent (and signed), so every retry sends the same body. */
  @Columns.Text() body!: string;
  @Columns.Varchar(10, { default: 'PENDING' }) status!: string;
  @Columns.Int({ default: 0 }) attempts!: number;
  @Columns.Int({ nullable: true }) lastResponseStatus!: number | null;
  @Columns.Text({ nullable: true }) lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Columns.Timestamp({ nullable: true }) lastAttemptAt!: Date | null;
  @Columns.Timestamp({ nullable: true }) deliveredAt!: Date | null;
}
