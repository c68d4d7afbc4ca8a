import { Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { PepinEntity } from './pepin.entity';
import type { PepinActorRole, PepinEventKind } from '../domain/pepin-lifecycle';
import type { PepinStatus } from '../domain/pepin-status';

/** One line of a pépin's append-only history (the database refuses updates and deletes). */
@Entity('pepin_event')
@Index('pepin_event_pepin_idx', ['pepinId', 'at'])
export class PepinEventEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  @Columns.Timestamp({ default: () => 'now()' }) at!: Date;
  @Columns.Varchar(16) actorRole!: PepinActorRole;

  /** Managers and admins only; null for the reporter, operators and the system. */
  @Columns.Uuid({ nullable: true }) actorId!: string | null;
  @Columns.Varchar(40) kind!: PepinEventKind;
  @Columns.Varchar(16, { nullable: true }) fromStatus!: PepinStatus | null;
  @Columns.Varchar(16, { nullable: true }) toStatus!: PepinStatus | null;
  @Columns.Text({ nullable: true }) message!: string | null;

  /** What a line another context caused is about, worded per reader; null for older lines. */
  @Columns.Jsonb({ nullable: true }) params!: Record<string, unknown> | null;
}
