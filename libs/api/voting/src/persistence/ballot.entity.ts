import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { VoteChoice } from '../domain/vote';
import { VoteEntity } from './vote.entity';

/** One manager's ballot on one vote: re-casting updates it (the last committed choice wins). */
@Entity('ballot')
@Index('ballot_manager_idx', ['managerId', 'castAt'])
@Check('ballot_reject_reason_check', `choice <> 'REJECT' OR reason IS NOT NULL`)
export class BallotEntity {
  @PrimaryColumn({ type: 'uuid' })
  voteId!: string;

  @ManyToOne(() => VoteEntity, { onDelete: 'CASCADE' })
  vote?: VoteEntity;

  @PrimaryColumn({ type: 'uuid' })
  managerId!: string;

  @Column({ type: 'enum', enum: VoteChoice, enumName: 'vote_choice' })
  choice!: VoteChoice;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The first cast. */
  @Column({ type: 'timestamptz' })
  castAt!: Date;

  /** The last change of mind. */
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
