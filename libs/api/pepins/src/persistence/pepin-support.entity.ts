import { Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { PepinEntity } from './pepin.entity';

/** "Me too": an operator confirming a pépin. Once per operator and pépin. */
@Entity('pepin_support')
@Index('pepin_support_supporter_idx', ['supporterId', 'createdAt'])
export class PepinSupportEntity {
  @Columns.PrimaryUuid() pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  /** Never exposed but to that operator, unless `signed`. */
  @Columns.PrimaryUuid() supporterId!: string;
  @Columns.Flag(false) signed!: boolean;
  @Columns.CreatedAt() createdAt!: Date;
}
