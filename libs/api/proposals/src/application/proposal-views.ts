import type { Locale } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { authorLabel, isNamed, labelOf } from '../domain/participants';
import { referenceOf, type Proposal, type ProposalRevision } from '../domain/proposal';
import { CoAuthorStatus, ParticipantKind } from '../domain/proposal-status';
import type { CoAuthor } from '../persistence/co-author-store';
import type { ProposalComment, ProposalEndorsement } from '../persistence/discussion-store';

/**
 * Who looks at a proposal. Everyone who may see a proposal (its site's people, admins)
 * sees the same thing, but for their own contributions (`mine`).
 */
export interface ProposalViewer {
  readonly userId: string;
  readonly locale: Locale;
  readonly kind: ParticipantKind;
}

export function participantKindOf(role: Role): ParticipantKind {
  switch (role) {
    case Role.ADMIN:
      return ParticipantKind.ADMIN;
    case Role.MANAGER:
      return ParticipantKind.MANAGER;
    case Role.OPERATOR:
      return ParticipantKind.OPERATOR;
  }
}

export function viewerOf(user: AuthenticatedUser): ProposalViewer {
  return { userId: user.id, locale: user.locale, kind: participantKindOf(user.role) };
}

/** Admins see every site's proposals; everyone else, their own site's. */
export function canSee(user: Pick<AuthenticatedUser, 'role' | 'siteId'>, siteId: string): boolean {
  return user.role === Role.ADMIN || user.siteId === siteId;
}

/** A manager of the proposal's site, or an admin (the identity context's rule): creates, revises, invites. */
export { managesSite as canManage } from '@pepite/api/identity';

export type ProposalView = Pick<
  Proposal,
  'id' | 'siteId' | 'title' | 'rationale' | 'status' | 'currentRevision' | 'createdAt' | 'updatedAt'
> & {
  /** `PROP-000012`. */
  readonly reference: string;
  /** The manager or admin who created it (they act under their name). */
  readonly createdBy: string;
  readonly viewer: ProposalViewer;
};

export function proposalView(proposal: Proposal, viewer: ProposalViewer): ProposalView {
  return {
    id: proposal.id,
    reference: referenceOf(proposal),
    siteId: proposal.siteId,
    title: proposal.title,
    rationale: proposal.rationale,
    status: proposal.status,
    currentRevision: proposal.currentRevision,
    createdBy: proposal.createdBy,
    createdAt: proposal.createdAt,
    updatedAt: proposal.updatedAt,
    viewer,
  };
}

/**
 * Who wrote something, as the viewer may see it: `personId` only when the author acts
 * under their name (managers, admins) or chose to show it (an operator's signed text);
 * otherwise a label, and never anything that tells who.
 */
export interface AuthorView {
  readonly kind: ParticipantKind;
  /** In the viewer's language: "Opérateur", "Co-auteur (opérateur)", "Manager"… */
  readonly label: string;
  readonly personId: string | null;
  /** The viewer wrote it (only they learn it). */
  readonly mine: boolean;
}

export function authorView(
  viewer: ProposalViewer,
  author: { kind: ParticipantKind; userId: string; named: boolean; coAuthor?: boolean },
): AuthorView {
  return {
    kind: author.kind,
    label: authorLabel(labelOf(author.kind, { coAuthor: author.coAuthor }))[viewer.locale],
    personId: author.named ? author.userId : null,
    mine: author.userId === viewer.userId,
  };
}

/** A revision as one viewer may see it: its author as a label, never as an id. */
export type RevisionView = Pick<
  ProposalRevision,
  'proposalId' | 'number' | 'note' | 'title' | 'rationale' | 'changes' | 'baseRelease' | 'createdAt'
> & {
  readonly author: AuthorView;
  readonly viewer: ProposalViewer;
};

export function revisionView(revision: ProposalRevision, viewer: ProposalViewer): RevisionView {
  return {
    proposalId: revision.proposalId,
    number: revision.number,
    note: revision.note,
    title: revision.title,
    rationale: revision.rationale,
    changes: revision.changes,
    baseRelease: revision.baseRelease,
    createdAt: revision.createdAt,
    author: authorView(viewer, {
      kind: revision.authorRole,
      userId: revision.authorId,
      named: isNamed(revision.authorRole, revision.authorNamed),
      coAuthor: true,
    }),
    viewer,
  };
}

export interface CommentView {
  readonly id: string;
  readonly proposalId: string;
  readonly revision: number;
  readonly parentId: string | null;
  /** 0 for a thread's first comment, 1 for a reply to it, and so on. */
  readonly depth: number;
  readonly body: string;
  readonly createdAt: Date;
  readonly author: AuthorView;
}

export function commentView(comment: ProposalComment, depth: number, viewer: ProposalViewer): CommentView {
  return {
    id: comment.id,
    proposalId: comment.proposalId,
    revision: comment.revisionNumber,
    parentId: comment.parentId,
    depth,
    body: comment.body,
    createdAt: comment.createdAt,
    author: authorView(viewer, {
      kind: comment.authorKind,
      userId: comment.authorId,
      named: isNamed(comment.authorKind, comment.signed),
    }),
  };
}

/** A co-author as everyone sees them; an anonymous operator co-author has no `personId`. */
export interface CoAuthorView {
  readonly kind: ParticipantKind;
  readonly status: CoAuthorStatus;
  readonly anonymous: boolean;
  readonly author: AuthorView;
  /** When they were invited (or joined as managers); null for an anonymous operator: it would help guess who. */
  readonly since: Date | null;
}

/**
 * The co-authors a viewer may see. Managers and admins (named, with their invitation's
 * status); operators only once they accepted, by name or not as they chose. An operator's
 * pending or declined invitation is shown to nobody but that operator: watching it turn
 * into an anonymous co-author would name them.
 */
export function coAuthorViews(coAuthors: readonly CoAuthor[], viewer: ProposalViewer): CoAuthorView[] {
  const visible = coAuthors.filter(
    (coAuthor) =>
      coAuthor.role !== ParticipantKind.OPERATOR ||
      coAuthor.status === CoAuthorStatus.ACCEPTED ||
      coAuthor.userId === viewer.userId,
  );
  const shown = (coAuthor: CoAuthor) =>
    isNamed(coAuthor.role, !coAuthor.anonymous) || coAuthor.userId === viewer.userId;
  // Named people first, in invitation order; anonymous operators last, by their random id:
  // the invitation order (which the inviting manager knows) would name them.
  const ordered = [
    ...visible.filter(shown),
    ...visible.filter((coAuthor) => !shown(coAuthor)).sort((a, b) => (a.userId < b.userId ? -1 : 1)),
  ];
  return ordered.map((coAuthor) => ({
    kind: coAuthor.role,
    status: coAuthor.status,
    anonymous: coAuthor.anonymous,
    author: authorView(viewer, {
      kind: coAuthor.role,
      userId: coAuthor.userId,
      named: shown(coAuthor),
      coAuthor: true,
    }),
    since: shown(coAuthor) ? coAuthor.createdAt : null,
  }));
}

export interface EndorsementView {
  readonly comment: string | null;
  readonly signed: boolean;
  readonly author: AuthorView;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export function endorsementView(endorsement: ProposalEndorsement, viewer: ProposalViewer): EndorsementView {
  return {
    comment: endorsement.comment,
    signed: endorsement.signed,
    author: authorView(viewer, {
      kind: ParticipantKind.OPERATOR,
      userId: endorsement.operatorId,
      named: isNamed(ParticipantKind.OPERATOR, endorsement.signed),
    }),
    createdAt: endorsement.createdAt,
    updatedAt: endorsement.updatedAt,
  };
}

/** The viewer's own invitation to co-author, if any. */
export interface MyCoAuthorshipView {
  readonly status: CoAuthorStatus;
  readonly anonymous: boolean;
  /** Invited as a pépin's reporter (may stay anonymous), not by name (signs). */
  readonly asReporter: boolean;
  readonly invitedAt: Date;
}
