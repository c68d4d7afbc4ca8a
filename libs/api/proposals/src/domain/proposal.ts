import type { ParticipantKind, ProposalStatus } from './proposal-status';
import type { ProposedRuleChange } from './rule-changes';

/** A proposal as the application reads it. */
export interface Proposal {
  readonly id: string;
  /** A bigint, as text. */
  readonly number: string;
  readonly siteId: string;
  readonly title: string;
  readonly rationale: string;
  readonly status: ProposalStatus;
  readonly currentRevision: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One immutable revision. `authorId` must not leave the context for an unnamed operator. */
export interface ProposalRevision {
  readonly proposalId: string;
  readonly number: number;
  readonly note: string | null;
  readonly title: string;
  readonly rationale: string;
  readonly changes: readonly ProposedRuleChange[];
  readonly baseRelease: number;
  readonly authorId: string;
  readonly authorRole: ParticipantKind;
  readonly authorNamed: boolean;
  readonly createdAt: Date;
}

/** `PROP-000012`. */
export function proposalReference(number: string | number): string {
  return `PROP-${String(number).padStart(6, '0')}`;
}

export function referenceOf(proposal: Pick<Proposal, 'number'>): string {
  return proposalReference(proposal.number);
}
