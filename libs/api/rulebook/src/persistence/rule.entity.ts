import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/** A rule's identity. Its wording lives in immutable versions; releases say which version is in force. */
@Entity('rule')
export class RuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key!: string;

  @Columns.Int() firstRelease!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
