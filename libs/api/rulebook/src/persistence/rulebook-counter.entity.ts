import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Column({ type: 'int', default: 0 })
  lastRelease!: number;

  @Column({ type: 'int', default: 0 })
  lastAdvisorySeq!: number;
}
