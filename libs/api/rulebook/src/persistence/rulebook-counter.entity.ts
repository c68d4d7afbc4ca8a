import { Check, Entity, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * One row. Publishers take its row lock with `UPDATE … RETURNING`, which both serialises
 * them and makes release and advisory numbers gapless: an aborted transaction rolls the
 * increment back, unlike a sequence.
 */
@Entity('rulebook_counter')
@Check('"id" = 1')
export class RulebookCounterEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Columns.Int({ default: 0 }) lastRelease!: number;
  @Columns.Int({ default: 0 }) lastAdvisorySeq!: number;
}
