import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A receiver an admin registered: where, for which events, in which format, and whether it still works. */
@Entity('webhook')
@Check('webhook_format_check', `format IN ('JSON', 'TEAMS')`)
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'varchar', length: 10, default: 'JSON' })
  format!: string;

  /** Keys the signature; shown to the admin once, at registration. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Failed attempts since the last success; at the configured limit the webhook is disabled. */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
