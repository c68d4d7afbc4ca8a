import { Check, Column, Entity, Index } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { VoteOutcome, VoteStatus, VoteThreshold, type Tally } from '../domain/vote';

/** One vote on one proposal's frozen revision; at most one OPEN per proposal. */
@Entity('vote')
@Index('vote_one_open_per_proposal_uq', ['proposalId'], { unique: true, where: `status = 'OPEN'` })
@Index('vote_proposal_idx', ['proposalId', 'openedAt'])
@Check('vote_quorum_check', `quorum >= 1 AND quorum <= electorate_size`)
@Check('vote_closed_check', `(status = 'OPEN') = (outcome IS NULL AND closed_at IS NULL)`)
export class VoteEntity {
  @Columns.UuidPrimaryKey() id!: string;

  /** The proposals context's id (no foreign key across contexts). */
  @Columns.Uuid() proposalId!: string;

  /** The revision voted on, frozen at opening. */
  @Columns.Int() revisionNumber!: number;
  @Columns.Uuid() siteId!: string;
  @Columns.Uuid() openedBy!: string;
  @Columns.Timestamp() openedAt!: Date;
  @Columns.Timestamp() closesAt!: Date;
  @Columns.Int() quorum!: number;

  @Column({ type: 'enum', enum: VoteThreshold, enumName: 'vote_threshold', default: VoteThreshold.SIMPLE_MAJORITY })
  threshold!: VoteThreshold;

  @Columns.Flag(false) resultsHidden!: boolean;

  /** How many `vote_elector` rows: the site's active managers at opening. */
  @Columns.Int() electorateSize!: number;

  @Column({ type: 'enum', enum: VoteStatus, enumName: 'vote_status', default: VoteStatus.OPEN })
  status!: VoteStatus;

  @Column({ type: 'enum', enum: VoteOutcome, enumName: 'vote_outcome', nullable: true })
  outcome!: VoteOutcome | null;

  @Columns.Timestamp({ nullable: true }) closedAt!: Date | null;

  /** The final count, written at close. */
  @Columns.Jsonb({ nullable: true }) tally!: Tally | null;

  /** The REJECT ballots' reasons, written at close (what the proposal goes back to design with). */
  @Columns.Jsonb({ nullable: true }) rejectReasons!: string[] | null;

  /** Who cancelled it (CANCELLED only). */
  @Columns.Uuid({ nullable: true }) closedBy!: string | null;
}
