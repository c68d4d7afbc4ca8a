import { Check, Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ProposalStatus } from '../domain/proposal-status';

/**
 * A proposal: a co-designed change to one or more rules of the rulebook, for one site.
 * Its wording lives in its revisions; `title` and `rationale` are the current ones.
 */
@Entity('proposal')
@Index('proposal_number_key', ['number'], { unique: true })
@Index('proposal_site_number_idx', ['siteId', 'number'])
@Index('proposal_site_status_number_idx', ['siteId', 'status', 'number'])
@Check('proposal_current_revision_check', `current_revision >= 1`)
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Behind the reference `PROP-000012`; from a sequence (gaps are possible, never reuse). */
  @Column({ type: 'bigint' })
  @Generated('increment')
  number!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status', default: ProposalStatus.IN_DESIGN })
  status!: ProposalStatus;

  /** The number of the latest revision (revisions are 1, 2, 3…). */
  @Column({ type: 'integer', default: 1 })
  currentRevision!: number;

  /** The manager (or admin) who created it; they act under their name. */
  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** The last revision or status change (not comments or endorsements: they would time operators). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
