import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which rule version is in force in which release: the membership behind `changes?since`. */
@Entity('release_rule')
@Index(['ruleVersionId'])
export class ReleaseRuleEntity {
  @PrimaryColumn({ type: 'int' })
  releaseVersion!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleKey!: string;

  @Column({ type: 'uuid' })
  ruleVersionId!: string;
}
