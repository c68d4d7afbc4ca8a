import { Check, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';
import type { ParticipantKind } from '../domain/proposal-status';
import type { ProposedRuleChange } from '../domain/rule-changes';
import { ProposalEntity } from './proposal.entity';

/**
 * One revision of a proposal, immutable (a trigger refuses UPDATE and DELETE): the rule
 * changes with their full wording resolved when it was made, and the latest release then.
 */
@Entity('proposal_revision')
@Check('proposal_revision_number_check', `number >= 1 AND base_release >= 0`)
export class ProposalRevisionEntity {
  @Columns.PrimaryUuid() proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @PrimaryColumn({ type: 'integer' })
  number!: number;

  /** What this revision changes and why; null for the first one. */
  @Columns.Text({ nullable: true }) note!: string | null;
  @Columns.Varchar(160) title!: string;
  @Columns.Text() rationale!: string;

  /** `ProposedRuleChange[]`: CREATE/AMEND with the full draft, RETIRE with the key, each with `baseRevision`. */
  @Columns.Jsonb() changes!: ProposedRuleChange[];

  /** The latest release when the revision was made (0: none yet); AMEND fields left out came from it. */
  @Columns.Int() baseRelease!: number;

  /** Never shown for an anonymous operator co-author. */
  @Columns.Uuid() authorId!: string;
  @Columns.Varchar(16) authorRole!: ParticipantKind;

  /** An operator co-author who chose to be named when writing it. */
  @Columns.Flag(false) authorNamed!: boolean;
  @Columns.CreatedAt() createdAt!: Date;
}
