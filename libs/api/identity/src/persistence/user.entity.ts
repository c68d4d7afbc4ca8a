import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, UpdateDateColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { Role } from '../domain/role';
import { SiteEntity } from './site.entity';
import { TeamEntity } from './team.entity';

@Entity('app_user')
@Check('app_user_locale_check', `locale IN ('fr', 'en')`)
export class UserEntity {
  @Columns.UuidPrimaryKey() id!: string;

  /** Stored normalised (trimmed, lower case); unique across the installation. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Columns.Text() displayName!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Columns.Uuid() siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  site?: SiteEntity;

  @Columns.Uuid({ nullable: true }) teamId!: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', nullable: true })
  team?: TeamEntity | null;

  /** argon2id encoded hash (algorithm, parameters and salt included); null for an account that signs in only at the OpenID provider. */
  @Columns.Text({ select: false, nullable: true }) passwordHash!: string | null;
  @Columns.Varchar(2, { default: 'fr' }) locale!: 'fr' | 'en';
  @Columns.Flag(true) active!: boolean;
  @Columns.Timestamp({ nullable: true }) deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
