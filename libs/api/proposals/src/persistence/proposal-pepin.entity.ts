import { Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { ProposalEntity } from './proposal.entity';

/** The pépins a proposal answers (ids of the pépins context; never joined to its tables). */
@Entity('proposal_pepin')
@Index('proposal_pepin_pepin_idx', ['pepinId'])
export class ProposalPepinEntity {
  @Columns.PrimaryUuid() proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @Columns.PrimaryUuid() pepinId!: string;
}
