import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PepinEntity } from './pepin.entity';
import { ListeningSessionStatus } from '../domain/listening-session';

/**
 * A double écoute. The operator is known to the chosen manager only: that is the
 * operator's choice when asking.
 */
@Entity('listening_session')
@Index('listening_session_pepin_idx', ['pepinId'])
@Index('listening_session_manager_idx', ['managerId', 'status'])
@Index('listening_session_operator_idx', ['operatorId', 'status'])
@Index('listening_session_one_active', ['pepinId', 'operatorId'], {
  unique: true,
  where: `status IN ('REQUESTED', 'SCHEDULED')`,
})
export class ListeningSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  @Column({ type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'uuid' })
  managerId!: string;

  @Column({
    type: 'enum',
    enum: ListeningSessionStatus,
    enumName: 'listening_session_status',
    default: ListeningSessionStatus.REQUESTED,
  })
  status!: ListeningSessionStatus;

  /** The call to re-listen. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  callReference!: string | null;

  /** Why the operator asks (optional). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  operatorNotes!: string | null;

  @Column({ type: 'text', nullable: true })
  managerNotes!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
