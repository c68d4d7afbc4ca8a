import { Entity, Index, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/** Which rule version is in force in which release: the membership behind `changes?since`. */
@Entity('release_rule')
@Index(['ruleVersionId'])
export class ReleaseRuleEntity {
  @PrimaryColumn({ type: 'int' })
  releaseVersion!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleKey!: string;

  @Columns.Uuid() ruleVersionId!: string;
}
