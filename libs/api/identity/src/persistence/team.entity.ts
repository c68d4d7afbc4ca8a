import { CreateDateColumn, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { SiteEntity } from './site.entity';

@Entity('team')
@Index(['siteId', 'name'], { unique: true })
export class TeamEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'RESTRICT' })
  site?: SiteEntity;

  @Columns.Text() name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
