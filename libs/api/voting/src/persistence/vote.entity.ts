import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VoteOutcome, VoteStatus, VoteThreshold, type Tally } from '../domain/vote';

/** One vote on one proposal's frozen revision; at most one OPEN per proposal. */
@Entity('vote')
@Index('vote_one_open_per_proposal_uq', ['proposalId'], { unique: true, where: `status = 'OPEN'` })
@Index('vote_proposal_idx', ['proposalId', 'openedAt'])
@Check('vote_quorum_check', `quorum >= 1 AND quorum <= electorate_size`)
@Check('vote_closed_check', `(status = 'OPEN') = (outcome IS NULL AND closed_at IS NULL)`)
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The proposals context's id (no foreign key across contexts). */
  @Column({ type: 'uuid' })
  proposalId!: string;

  /** The revision voted on, frozen at opening. */
  @Column({ type: 'int' })
  revisionNumber!: number;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'uuid' })
  openedBy!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'int' })
  quorum!: number;

  @Column({ type: 'enum', enum: VoteThreshold, enumName: 'vote_threshold', default: VoteThreshold.SIMPLE_MAJORITY })
  threshold!: VoteThreshold;

  @Column({ type: 'boolean', default: false })
  resultsHidden!: boolean;

  /** How many `vote_elector` rows: the site's active managers at opening. */
  @Column({ type: 'int' })
  electorateSize!: number;

  @Column({ type: 'enum', enum: VoteStatus, enumName: 'vote_status', default: VoteStatus.OPEN })
  status!: VoteStatus;

  @Column({ type: 'enum', enum: VoteOutcome, enumName: 'vote_outcome', nullable: true })
  outcome!: VoteOutcome | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The final count, written at close. */
  @Column({ type: 'jsonb', nullable: true })
  tally!: Tally | null;

  /** The REJECT ballots' reasons, written at close (what the proposal goes back to design with). */
  @Column({ type: 'jsonb', nullable: true })
  rejectReasons!: string[] | null;

  /** Who cancelled it (CANCELLED only). */
  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;
}
