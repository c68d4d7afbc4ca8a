import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PepinEntity } from './pepin.entity';

export enum PepinMessageAuthorKind {
  REPORTER = 'REPORTER',
  MANAGER = 'MANAGER',
}

/** The conversation between managers and the (still anonymous) reporter of a pépin. */
@Entity('pepin_message')
@Index('pepin_message_pepin_idx', ['pepinId', 'createdAt'])
export class PepinMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  @Column({ type: 'varchar', length: 16 })
  authorKind!: PepinMessageAuthorKind;

  /** Stored for both; only a manager's is ever shown (by name). */
  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
