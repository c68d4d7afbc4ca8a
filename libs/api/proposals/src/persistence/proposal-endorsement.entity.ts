import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/** An operator supporting a proposal: once per operator, the comment and signature can change. */
@Entity('proposal_endorsement')
@Index('proposal_endorsement_operator_idx', ['operatorId'])
export class ProposalEndorsementEntity {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  /** Never shown unless `signed`. */
  @PrimaryColumn({ type: 'uuid' })
  operatorId!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'boolean', default: false })
  signed!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
