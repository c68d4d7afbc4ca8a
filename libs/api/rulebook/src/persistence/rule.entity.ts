import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A rule's identity. Its wording lives in immutable versions; releases say which version is in force. */
@Entity('rule')
export class RuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key!: string;

  @Column({ type: 'int' })
  firstRelease!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
