import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One event for one webhook, and how its delivery went: the delivery log admins read.
 * Written in the transaction of the event itself, with the pg-boss job that sends it.
 */
@Entity('webhook_delivery')
@Unique('webhook_delivery_once_per_event', ['webhookId', 'eventId'])
@Check('webhook_delivery_status_check', `status IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Index(['webhookId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  webhookId!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  eventType!: string;

  /** The exact bytes sent (and signed), so every retry sends the same body. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer', nullable: true })
  lastResponseStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
