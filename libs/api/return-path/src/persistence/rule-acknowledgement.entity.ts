import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * "J'ai lu et compris": an operator acknowledged one mandatory change of one release. The
 * time and the release are the record the issue asks for; managers of the site see it by name
 * (mandatory reading is individual by nature, and the screens say so).
 */
@Entity('rule_acknowledgement')
@Index(['siteId', 'releaseVersion', 'ruleKey'])
export class RuleAcknowledgementEntity {
  @Columns.PrimaryUuid() userId!: string;

  @PrimaryColumn({ type: 'int' })
  releaseVersion!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleKey!: string;

  @Columns.Uuid() siteId!: string;
  @Columns.Timestamp() acknowledgedAt!: Date;
}
