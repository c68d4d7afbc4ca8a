import { Column, CreateDateColumn, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { UserEntity } from './user.entity';

/**
 * One refresh token. Each refresh replaces the row's token with a new row of the same
 * family (`replacedAt` set on the old one); presenting a replaced token again means it was
 * stolen or replayed, and the whole family is revoked. Only the SHA-256 of a token is kept.
 */
@Entity('auth_session')
@Index(['familyId'])
@Index(['userId'])
export class AuthSessionEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() familyId!: string;
  @Columns.Uuid() userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  /** Hex SHA-256 of the token the cookie carries. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** How the family began: `password` or `oidc`. */
  @Columns.Varchar(16) method!: 'password' | 'oidc';

  /** The family's sign-in: its absolute lifetime counts from here. */
  @Columns.Timestamp() familyStartedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When this token was issued by the clock the API judges by (tests move it). */
  @Columns.Timestamp() issuedAt!: Date;
  @Columns.Timestamp({ nullable: true }) replacedAt!: Date | null;
  @Columns.Timestamp({ nullable: true }) revokedAt!: Date | null;
}
