import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PepinEntity } from './pepin.entity';
import type { PepinActorRole, PepinEventKind } from '../domain/pepin-lifecycle';
import type { PepinStatus } from '../domain/pepin-status';

/** One line of a pépin's append-only history (the database refuses updates and deletes). */
@Entity('pepin_event')
@Index('pepin_event_pepin_idx', ['pepinId', 'at'])
export class PepinEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'varchar', length: 16 })
  actorRole!: PepinActorRole;

  /** Managers and admins only; null for the reporter, operators and the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: PepinEventKind;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: PepinStatus | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus!: PepinStatus | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  /** What a line another context caused is about, worded per reader; null for older lines. */
  @Column({ type: 'jsonb', nullable: true })
  params!: Record<string, unknown> | null;
}
