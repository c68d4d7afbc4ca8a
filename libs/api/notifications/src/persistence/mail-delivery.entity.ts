import { Check, CreateDateColumn, Entity, Index, Unique } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * One e-mail owed to one person for one period: a notification sent at once
 * (`n:<notification id>`) or a daily digest (`digest:<local date>`). The unique key makes
 * "exactly once per person and period" a fact of the database, whichever instance plans
 * it; the row is locked while its message is handed to SMTP and marked sent in the same
 * transaction, so an instance that dies mid-send leaves it PENDING for another. A digest
 * period with nothing to tell is SKIPPED.
 */
@Entity('mail_delivery')
@Unique('mail_delivery_once_per_period', ['recipientId', 'periodKey'])
@Check('mail_delivery_status_check', `status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')`)
@Index('mail_delivery_pending', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
export class MailDeliveryEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() recipientId!: string;
  @Columns.Varchar(80) periodKey!: string;

  /** The notifications the message tells of (one, or a digest's). */
  @Columns.Uuid({ array: true }) notificationIds!: string[];
  @Columns.Varchar(10, { default: 'PENDING' }) status!: string;
  @Columns.Int({ default: 0 }) attempts!: number;
  @Columns.Timestamp({ default: () => 'now()' }) nextAttemptAt!: Date;
  @Columns.Text({ nullable: true }) lastError!: string | null;

  /** The Message-ID the transport gave, once sent. */
  @Columns.Text({ nullable: true }) messageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Columns.Timestamp({ nullable: true }) sentAt!: Date | null;
}
