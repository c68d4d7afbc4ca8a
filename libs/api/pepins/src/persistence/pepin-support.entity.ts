import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { PepinEntity } from './pepin.entity';

/** "Me too": an operator confirming a pépin. Once per operator and pépin. */
@Entity('pepin_support')
@Index('pepin_support_supporter_idx', ['supporterId', 'createdAt'])
export class PepinSupportEntity {
  @PrimaryColumn({ type: 'uuid' })
  pepinId!: string;

  @ManyToOne(() => PepinEntity, { onDelete: 'RESTRICT' })
  pepin?: PepinEntity;

  /** Never exposed but to that operator, unless `signed`. */
  @PrimaryColumn({ type: 'uuid' })
  supporterId!: string;

  @Column({ type: 'boolean', default: false })
  signed!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
