import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('site')
@Check('site_ack_sla_hours_check', `ack_sla_hours BETWEEN 1 AND 720`)
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'Europe/Paris' })
  timeZone!: string;

  /** Hours a manager has to acknowledge a pépin filed on this site (the 3-day promise). */
  @Column({ type: 'integer', default: 72 })
  ackSlaHours!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
