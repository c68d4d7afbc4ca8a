import { CreateDateColumn, Entity, Index } from 'typeorm';
import { Columns } from '@pepite/api/database';
import type { RuleChange } from '../domain/rule-change';

export type ScheduledPublicationStatus = 'PENDING' | 'PUBLISHED' | 'FAILED' | 'CANCELLED';

/**
 * A publication asked for a future time. The version number is allocated only when it
 * takes effect, so versions stay monotonic in the order releases become latest.
 */
@Entity('scheduled_publication')
@Index(['status', 'effectiveAt'])
export class ScheduledPublicationEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Timestamp() effectiveAt!: Date;
  @Columns.Jsonb() changes!: RuleChange[];
  @Columns.Text({ nullable: true }) notes!: string | null;
  @Columns.Text({ array: true, default: () => "'{}'" }) answers!: string[];
  @Columns.Uuid({ nullable: true }) requestedBy!: string | null;
  @Columns.Varchar(16, { default: 'PENDING' }) status!: ScheduledPublicationStatus;
  @Columns.Int({ nullable: true }) releaseVersion!: number | null;
  @Columns.Text({ nullable: true }) failure!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
