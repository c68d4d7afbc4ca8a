import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import type { ParticipantKind } from '../domain/proposal-status';
import { ProposalEntity } from './proposal.entity';

/** A comment on one revision of a proposal, possibly a reply to another (threads). */
@Entity('proposal_comment')
@Index('proposal_comment_proposal_idx', ['proposalId', 'revisionNumber', 'createdAt'])
@Index('proposal_comment_parent_idx', ['parentId'])
export class ProposalCommentEntity {
  @Columns.UuidPrimaryKey() id!: string;
  @Columns.Uuid() proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @Columns.Int() revisionNumber!: number;
  @Columns.Uuid({ nullable: true }) parentId!: string | null;

  @ManyToOne(() => ProposalCommentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: ProposalCommentEntity | null;

  /** Never shown for an operator who did not sign the comment. */
  @Columns.Uuid() authorId!: string;
  @Columns.Varchar(16) authorKind!: ParticipantKind;

  /** An operator chose to show their name on it (managers always act under theirs). */
  @Columns.Flag(false) signed!: boolean;
  @Columns.Text() body!: string;
  @Columns.CreatedAt() createdAt!: Date;
}
