import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * One notification for one person. Written by `NotificationsService.notify` in the
 * notifying context's transaction; afterwards only `read_at` ever changes.
 */
@Entity('notification')
// A recipient's list, newest first: PostgreSQL walks this index backwards for
// ORDER BY created_at DESC, id DESC, so it serves that order as a DESC index would.
@Index(['recipientId', 'createdAt', 'id'])
// The unread badge and the "unread only" list.
@Index(['recipientId'], { where: '"read_at" IS NULL' })
export class NotificationEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() recipientId!: string;
  @Columns.Varchar(60) kind!: string;
  @Columns.Varchar(40, { nullable: true }) subjectType!: string | null;
  @Columns.Uuid({ nullable: true }) subjectId!: string | null;

  /** What the kind's words are built from (see `renderNotification`). */
  @Columns.Jsonb() params!: Record<string, unknown>;
  @Columns.Timestamp({ nullable: true }) readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /**
   * The writing transaction's top-level id (`pg_current_xact_id()`). A live subscription
   * compares it with the snapshot of its previous read, so it sends exactly the rows
   * committed since, whatever their `created_at` and however commits interleave.
   */
  @Column({ type: 'bigint' })
  txId!: string;
}
