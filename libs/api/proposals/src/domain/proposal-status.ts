/** Where a proposal stands. */
export enum ProposalStatus {
  /** Written but not yet open to co-design (kept for proposals without pépins; not reached today). */
  DRAFT = 'DRAFT',
  /** Being co-designed: revisions, comments, co-authors, endorsements. */
  IN_DESIGN = 'IN_DESIGN',
  /** Managers are voting on its current revision (the voting context). */
  IN_VOTE = 'IN_VOTE',
  /** The vote approved it; waiting for a release (the publication context). */
  APPROVED = 'APPROVED',
  /** The vote rejected it; a new revision takes it back to design. */
  REJECTED = 'REJECTED',
  /** A release carries it. Final. */
  PUBLISHED = 'PUBLISHED',
  /** Abandoned. Final. */
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * The proposal state machine, and nothing else.
 *
 * ```
 * DRAFT ─▶ IN_DESIGN ─▶ IN_VOTE ─▶ APPROVED ─▶ PUBLISHED
 *            ▲   ▲         │ │        │
 *            │   └─────────┘ └▶ REJECTED        (a vote called off goes back to design)
 *            └── new revision ◀──┴── APPROVED   (a revision voids an approval: vote again)
 * any open status ─▶ WITHDRAWN
 * ```
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  [ProposalStatus.DRAFT]: [ProposalStatus.IN_DESIGN, ProposalStatus.WITHDRAWN],
  [ProposalStatus.IN_DESIGN]: [ProposalStatus.IN_VOTE, ProposalStatus.WITHDRAWN],
  [ProposalStatus.IN_VOTE]: [ProposalStatus.APPROVED, ProposalStatus.REJECTED, ProposalStatus.IN_DESIGN],
  [ProposalStatus.APPROVED]: [ProposalStatus.PUBLISHED, ProposalStatus.IN_DESIGN, ProposalStatus.WITHDRAWN],
  [ProposalStatus.REJECTED]: [ProposalStatus.IN_DESIGN, ProposalStatus.WITHDRAWN],
  [ProposalStatus.PUBLISHED]: [],
  [ProposalStatus.WITHDRAWN]: [],
};

export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return PROPOSAL_TRANSITIONS[from].includes(to);
}

export function isClosed(status: ProposalStatus): boolean {
  return PROPOSAL_TRANSITIONS[status].length === 0;
}

/**
 * The status a proposal has after a new revision, or null when it cannot be revised now:
 * design goes on; a rejected or approved proposal goes back to design (an approval holds
 * for the revision voted on only); during a vote, and once closed, nothing can change.
 */
export function statusAfterRevision(status: ProposalStatus): ProposalStatus | null {
  switch (status) {
    case ProposalStatus.DRAFT:
    case ProposalStatus.IN_DESIGN:
      return status;
    case ProposalStatus.REJECTED:
    case ProposalStatus.APPROVED:
      return ProposalStatus.IN_DESIGN;
    case ProposalStatus.IN_VOTE:
    case ProposalStatus.PUBLISHED:
    case ProposalStatus.WITHDRAWN:
      return null;
  }
}

/** Who takes part in a proposal, in which capacity. */
export enum ParticipantKind {
  MANAGER = 'MANAGER',
  ADMIN = 'ADMIN',
  OPERATOR = 'OPERATOR',
}

export enum CoAuthorStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
