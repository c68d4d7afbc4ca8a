import { Column, CreateDateColumn, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { RuleEntity } from './rule.entity';

/** One wording of a rule. Never updated: an amendment is a new row with the next revision. */
@Entity('rule_version')
@Index(['ruleKey', 'revision'], { unique: true })
export class RuleVersionEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Varchar(40) ruleKey!: string;

  @ManyToOne(() => RuleEntity, { onDelete: 'RESTRICT' })
  rule?: RuleEntity;

  @Columns.Int() revision!: number;
  @Columns.Varchar(80) category!: string;
  @Columns.Text() title!: string;
  @Columns.Text() statement!: string;
  @Columns.Text() rationale!: string;
  @Columns.Text() latitude!: string;
  @Columns.Text() escalation!: string;
  @Columns.Text() customerWording!: string;
  @Columns.Text({ array: true }) tags!: string[];

  /** Calendar date; kept as text `YYYY-MM-DD` by the driver so no time zone shifts it. */
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Columns.Int() createdInRelease!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
