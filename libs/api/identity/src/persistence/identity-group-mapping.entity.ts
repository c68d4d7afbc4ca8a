import { Column, CreateDateColumn, Entity, Index, ManyToOne, UpdateDateColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { Role } from '../domain/role';
import { SiteEntity } from './site.entity';
import { TeamEntity } from './team.entity';

/** A group (or app role) of the provider's groups claim, and the role, site and team it gives. */
@Entity('identity_group_mapping')
export class IdentityGroupMappingEntity {
  @Columns.UuidPrimaryKey() id!: string;

  /** The claim's value exactly as the provider sends it (Entra sends object ids or app-role values). */
  @Index({ unique: true })
  @Column({ type: 'text' })
  group!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Columns.Uuid() siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  site?: SiteEntity;

  @Columns.Uuid({ nullable: true }) teamId!: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', nullable: true })
  team?: TeamEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
