import { Entity, Index } from 'typeorm';
import { Columns } from '@pepite/api/database';

/** Interim guidance on a rule; active until it expires or a release amends or retires the rule. */
@Entity('advisory')
@Index(['seq'], { unique: true })
@Index(['ruleKey'])
export class AdvisoryEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Int() seq!: number;
  @Columns.Varchar(40) ruleKey!: string;
  @Columns.Text() message!: string;
  @Columns.Timestamp() publishedAt!: Date;
  @Columns.Timestamp() expiresAt!: Date;
  @Columns.Int() releaseVersion!: number;
  @Columns.Uuid({ nullable: true }) publishedBy!: string | null;
  @Columns.Text() signature!: string;

  /** Flagged "lecture obligatoire" at publication (issue 19): each operator acknowledges it. */
  @Columns.Flag(false) mandatory!: boolean;

  /** The release that amended or retired the rule, which ends the advisory early. */
  @Columns.Int({ nullable: true }) supersededBy!: number | null;
}
