import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleChange } from '../domain/rule-change';

export type ScheduledPublicationStatus = 'PENDING' | 'PUBLISHED' | 'FAILED' | 'CANCELLED';

/**
 * A publication asked for a future time. The version number is allocated only when it
 * takes effect, so versions stay monotonic in the order releases become latest.
 */
@Entity('scheduled_publication')
@Index(['status', 'effectiveAt'])
export class ScheduledPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz' })
  effectiveAt!: Date;

  @Column({ type: 'jsonb' })
  changes!: RuleChange[];

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  answers!: string[];

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status!: ScheduledPublicationStatus;

  @Column({ type: 'int', nullable: true })
  releaseVersion!: number | null;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
