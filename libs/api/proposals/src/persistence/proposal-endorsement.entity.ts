import { Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { ProposalEntity } from './proposal.entity';

/** An operator supporting a proposal: once per operator, the comment and signature can change. */
@Entity('proposal_endorsement')
@Index('proposal_endorsement_operator_idx', ['operatorId'])
export class ProposalEndorsementEntity {
  @Columns.PrimaryUuid() proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  /** Never shown unless `signed`. */
  @Columns.PrimaryUuid() operatorId!: string;
  @Columns.Text({ nullable: true }) comment!: string | null;
  @Columns.Flag(false) signed!: boolean;
  @Columns.CreatedAt() createdAt!: Date;
  @Columns.CreatedAt() updatedAt!: Date;
}
