import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RuleEntity } from './rule.entity';

/** One wording of a rule. Never updated: an amendment is a new row with the next revision. */
@Entity('rule_version')
@Index(['ruleKey', 'revision'], { unique: true })
export class RuleVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  ruleKey!: string;

  @ManyToOne(() => RuleEntity, { onDelete: 'RESTRICT' })
  rule?: RuleEntity;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'varchar', length: 80 })
  category!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  statement!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'text' })
  latitude!: string;

  @Column({ type: 'text' })
  escalation!: string;

  @Column({ type: 'text' })
  customerWording!: string;

  @Column({ type: 'text', array: true })
  tags!: string[];

  /** Calendar date; kept as text `YYYY-MM-DD` by the driver so no time zone shifts it. */
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'int' })
  createdInRelease!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
