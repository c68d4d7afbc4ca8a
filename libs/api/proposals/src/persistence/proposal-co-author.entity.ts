import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { Columns } from '@pepite/api/database';
import { CoAuthorStatus, type ParticipantKind } from '../domain/proposal-status';
import { ProposalEntity } from './proposal.entity';

/**
 * A co-author of a proposal: a manager (or admin), or an operator invited who answers.
 * An operator invited by name co-authors under that name; one invited as the reporter of
 * a pépin (`viaPepinId`) stays anonymous (`anonymous`) unless they choose otherwise: their
 * id never leaves this context but to them.
 */
@Entity('proposal_co_author')
@Index('proposal_co_author_user_idx', ['userId'])
export class ProposalCoAuthorEntity {
  @Columns.PrimaryUuid() proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @Columns.PrimaryUuid() userId!: string;
  @Columns.Varchar(16) role!: ParticipantKind;

  @Column({ type: 'enum', enum: CoAuthorStatus, enumName: 'proposal_co_author_status' })
  status!: CoAuthorStatus;

  /** Operators only: shown as "co-author (operator)", never by name. */
  @Columns.Flag(false) anonymous!: boolean;

  /**
   * Set when the invitation went to "the reporter of" this pépin, the inviter not knowing
   * who that is: only such a co-author may stay anonymous. Null for an invitation by name.
   */
  @Columns.Uuid({ nullable: true }) viaPepinId!: string | null;

  /** The manager who invited them; null for the creator and for managers who revised. */
  @Columns.Uuid({ nullable: true }) invitedBy!: string | null;
  @Columns.CreatedAt() createdAt!: Date;
  @Columns.Timestamp({ nullable: true }) respondedAt!: Date | null;
}
