import { Check, CreateDateColumn, Entity } from 'typeorm';
import { Columns } from '@pepite/api/database';

@Entity('site')
@Check('site_ack_sla_hours_check', `ack_sla_hours BETWEEN 1 AND 720`)
export class SiteEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Text() name!: string;
  @Columns.Text({ default: 'Europe/Paris' }) timeZone!: string;

  /** Hours a manager has to acknowledge a pépin filed on this site (the 3-day promise). */
  @Columns.Int({ default: 72 }) ackSlaHours!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
