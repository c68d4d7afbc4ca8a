import { Check, Column, Entity, Generated, Index } from 'typeorm';
import { Columns } from '@pepite/api/database';
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
  @Columns.UuidPrimaryKey() id!: string;

  /** Behind the reference `PROP-000012`; from a sequence (gaps are possible, never reuse). */
  @Column({ type: 'bigint' })
  @Generated('increment')
  number!: string;

  @Columns.Uuid() siteId!: string;
  @Columns.Varchar(160) title!: string;
  @Columns.Text() rationale!: string;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status', default: ProposalStatus.IN_DESIGN })
  status!: ProposalStatus;

  /** The number of the latest revision (revisions are 1, 2, 3…). */
  @Columns.Int({ default: 1 }) currentRevision!: number;

  /** The manager (or admin) who created it; they act under their name. */
  @Columns.Uuid() createdBy!: string;
  @Columns.CreatedAt() createdAt!: Date;

  /** The last revision or status change (not comments or endorsements: they would time operators). */
  @Columns.CreatedAt() updatedAt!: Date;
}
