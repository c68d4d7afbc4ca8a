import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Interim guidance on a rule; active until it expires or a release amends or retires the rule. */
@Entity('advisory')
@Index(['seq'], { unique: true })
@Index(['ruleKey'])
export class AdvisoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  ruleKey!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'int' })
  releaseVersion!: number;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @Column({ type: 'text' })
  signature!: string;

  /** Flagged "lecture obligatoire" at publication (issue 19): each operator acknowledges it. */
  @Column({ type: 'boolean', default: false })
  mandatory!: boolean;

  /** The release that amended or retired the rule, which ends the advisory early. */
  @Column({ type: 'int', nullable: true })
  supersededBy!: number | null;
}
