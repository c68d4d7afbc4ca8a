import { Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { PepinEntity } from './pepin.entity';

export enum PepinMessageAuthorKind {
  REPORTER = 'REPORTER',
  MANAGER = 'MANAGER',
}

/** The conversation between managers and the (still anonymous) reporter of a pépin. */
@Entity('pepin_message')
@Index('pepin_message_pepin_idx', ['pepinId', 'createdAt'])
export class PepinMessageEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  @Columns.Varchar(16) authorKind!: PepinMessageAuthorKind;

  /** Stored for both; only a manager's is ever shown (by name). */
  @Columns.Uuid() authorId!: string;
  @Columns.Text() body!: string;
  @Columns.CreatedAt() createdAt!: Date;
}
