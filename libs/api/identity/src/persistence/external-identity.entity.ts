import { Column, CreateDateColumn, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { UserEntity } from './user.entity';

/**
 * The person at an OpenID provider behind an account: (issuer, subject), never the e-mail
 * (a provider lets people change it, and two providers may both vouch for one address).
 * One identity per account: linking happens once.
 */
@Entity('external_identity')
@Index(['issuer', 'subject'], { unique: true })
export class ExternalIdentityEntity {
  @Columns.UuidPrimaryKey() id!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  @Columns.Text() issuer!: string;
  @Columns.Text() subject!: string;

  /** The groups the provider sent at the last sign-in: a refresh applies the mappings to them again. */
  @Columns.Text({ array: true, default: () => "'{}'" }) groups!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
