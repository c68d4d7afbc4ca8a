import { Check, CreateDateColumn, Entity } from 'typeorm';
import { Columns } from '@pepite/api/database';

/** A receiver an admin registered: where, for which events, in which format, and whether it still works. */
@Entity('webhook')
@Check('webhook_format_check', `format IN ('JSON', 'TEAMS')`)
export class WebhookEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Text() url!: string;
  @Columns.Text({ array: true }) events!: string[];
  @Columns.Varchar(10, { default: 'JSON' }) format!: string;

  /** Keys the signature; shown to the admin once, at registration. */
  @Columns.Text() secret!: string;
  @Columns.Flag(true) enabled!: boolean;

  /** Failed attempts since the last success; at the configured limit the webhook is disabled. */
  @Columns.Int({ default: 0 }) consecutiveFailures!: number;
  @Columns.Timestamp({ nullable: true }) disabledAt!: Date | null;
  @Columns.Uuid() createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
