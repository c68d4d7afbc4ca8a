import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * "J'ai lu et compris": an operator acknowledged one mandatory change of one release. The
 * time and the release are the record the issue asks for; managers of the site see it by name
 * (mandatory reading is individual by nature, and the screens say so).
 */
@Entity('rule_acknowledgement')
@Index(['siteId', 'releaseVersion', 'ruleKey'])
export class RuleAcknowledgementEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'int' })
  releaseVersion!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleKey!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'timestamptz' })
  acknowledgedAt!: Date;
}
