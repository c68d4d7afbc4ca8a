import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../domain/role';
import { SiteEntity } from './site.entity';
import { TeamEntity } from './team.entity';

@Entity('app_user')
@Check('app_user_locale_check', `locale IN ('fr', 'en')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored normalised (trimmed, lower case); unique across the installation. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  site?: SiteEntity;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', nullable: true })
  team?: TeamEntity | null;

  /** argon2id encoded hash (algorithm, parameters and salt included); null for an account that signs in only at the OpenID provider. */
  @Column({ type: 'text', select: false, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale!: 'fr' | 'en';

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
