import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  familyId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  user?: UserEntity;

  /** Hex SHA-256 of the token the cookie carries. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** How the family began: `password` or `oidc`. */
  @Column({ type: 'varchar', length: 16 })
  method!: 'password' | 'oidc';

  /** The family's sign-in: its absolute lifetime counts from here. */
  @Column({ type: 'timestamptz' })
  familyStartedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When this token was issued by the clock the API judges by (tests move it). */
  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  replacedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
