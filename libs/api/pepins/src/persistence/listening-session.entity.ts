import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
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
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  @Columns.Uuid() operatorId!: string;
  @Columns.Uuid() managerId!: string;

  @Column({
    type: 'enum',
    enum: ListeningSessionStatus,
    enumName: 'listening_session_status',
    default: ListeningSessionStatus.REQUESTED,
  })
  status!: ListeningSessionStatus;

  /** The call to re-listen. */
  @Columns.Varchar(40, { nullable: true }) callReference!: string | null;

  /** Why the operator asks (optional). */
  @Columns.Text({ nullable: true }) reason!: string | null;
  @Columns.Timestamp({ nullable: true }) scheduledAt!: Date | null;
  @Columns.Text({ nullable: true }) operatorNotes!: string | null;
  @Columns.Text({ nullable: true }) managerNotes!: string | null;
  @Columns.Text({ nullable: true }) outcome!: string | null;
  @Columns.Timestamp({ nullable: true }) completedAt!: Date | null;
  @Columns.CreatedAt() createdAt!: Date;
  @Columns.CreatedAt() updatedAt!: Date;
}
