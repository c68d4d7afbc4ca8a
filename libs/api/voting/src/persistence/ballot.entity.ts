import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { VoteChoice } from '../domain/vote';
import { VoteEntity } from './vote.entity';

/** One manager's ballot on one vote: re-casting updates it (the last committed choice wins). */
@Entity('ballot')
@Index('ballot_manager_idx', ['managerId', 'castAt'])
@Check('ballot_reject_reason_check', `choice <> 'REJECT' OR reason IS NOT NULL`)
export class BallotEntity {
  @Columns.PrimaryUuid() voteId!: string;

  @ManyToOne(() => VoteEntity, { onDelete: 'CASCADE' })
  vote?: VoteEntity;

  @Columns.PrimaryUuid() managerId!: string;

  @Column({ type: 'enum', enum: VoteChoice, enumName: 'vote_choice' })
  choice!: VoteChoice;

  @Columns.Text({ nullable: true }) reason!: string | null;

  /** The first cast. */
  @Columns.Timestamp() castAt!: Date;

  /** The last change of mind. */
  @Columns.Timestamp() updatedAt!: Date;
}
