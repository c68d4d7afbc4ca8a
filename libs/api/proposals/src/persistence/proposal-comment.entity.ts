import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantKind } from '../domain/proposal-status';
import { ProposalEntity } from './proposal.entity';

/** A comment on one revision of a proposal, possibly a reply to another (threads). */
@Entity('proposal_comment')
@Index('proposal_comment_proposal_idx', ['proposalId', 'revisionNumber', 'createdAt'])
@Index('proposal_comment_parent_idx', ['parentId'])
export class ProposalCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @Column({ type: 'integer' })
  revisionNumber!: number;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ProposalCommentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: ProposalCommentEntity | null;

  /** Never shown for an operator who did not sign the comment. */
  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 16 })
  authorKind!: ParticipantKind;

  /** An operator chose to show their name on it (managers always act under theirs). */
  @Column({ type: 'boolean', default: false })
  signed!: boolean;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
