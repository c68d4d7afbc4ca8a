import { Check, Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
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
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'RESTRICT' })
  proposal?: ProposalEntity;

  @PrimaryColumn({ type: 'integer' })
  number!: number;

  /** What this revision changes and why; null for the first one. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'text' })
  rationale!: string;

  /** `ProposedRuleChange[]`: CREATE/AMEND with the full draft, RETIRE with the key, each with `baseRevision`. */
  @Column({ type: 'jsonb' })
  changes!: ProposedRuleChange[];

  /** The latest release when the revision was made (0: none yet); AMEND fields left out came from it. */
  @Column({ type: 'integer' })
  baseRelease!: number;

  /** Never shown for an anonymous operator co-author. */
  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 16 })
  authorRole!: ParticipantKind;

  /** An operator co-author who chose to be named when writing it. */
  @Column({ type: 'boolean', default: false })
  authorNamed!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
