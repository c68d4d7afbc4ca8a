import { Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/** The pépins a proposal answers (ids of the pépins context; never joined to its tables). */
@Entity('proposal_pepin')
@Index('proposal_pepin_pepin_idx', ['pepinId'])
export class ProposalPepinEntity {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @PrimaryColumn({ type: 'uuid' })
  pepinId!: string;
}
