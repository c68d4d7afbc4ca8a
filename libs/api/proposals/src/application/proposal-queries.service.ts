import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinQueries, type PepinLinkView } from '@pepite/api/pepins';
import { threadOrder } from '../domain/comment-threads';
import { decodeProposalCursor, encodeProposalCursor } from '../domain/proposal-cursor';
import {
  diffAgainstPrevious,
  diffAgainstPublished,
  type DiffBase,
  type ProposalRuleDiff,
} from '../domain/proposal-diff';
import type { ProposalStatus } from '../domain/proposal-status';
import type { ProposedRuleChange } from '../domain/rule-changes';
import { ProposalErrors } from '../proposals.errors';
import { coAuthorsOf } from '../persistence/co-author-store';
import { commentCounts, commentsOf, endorsementCounts, endorsementsOf } from '../persistence/discussion-store';
import { findProposals, pepinIdsOf, proposalCount, proposalPage } from '../persistence/proposal-store';
import { revisionsOf } from '../persistence/revision-store';
import {
  canSee,
  coAuthorViews,
  commentView,
  endorsementView,
  proposalView,
  revisionView,
  viewerOf,
  type CoAuthorView,
  type CommentView,
  type EndorsementView,
  type MyCoAuthorshipView,
  type ProposalView,
  type ProposalViewer,
  type RevisionView,
} from './proposal-views';
import { PublishedRules } from './published-rules';

export const MAX_PROPOSALS_PAGE = 100;

export interface ProposalPage {
  readonly edges: readonly { readonly cursor: string; readonly node: ProposalView }[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: number;
}

/**
 * Reads of proposals, each shaped for the one who asks. Everyone of a proposal's site
 * (and admins) may read it; the batch reads serve GraphQL fields for proposals the caller
 * already holds, so they take ids and the viewer, never decide access again.
 */
@Injectable()
export class ProposalQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pepins: PepinQueries,
    private readonly rules: PublishedRules,
  ) {}

  /** The caller's site's proposals (admins: every site), newest first, Relay-style. */
  async proposals(
    user: AuthenticatedUser,
    status: ProposalStatus | null,
    first: number,
    after: string | null,
  ): Promise<ProposalPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PROPOSALS_PAGE)
      throw new Error(`proposals: first must be 1 to ${MAX_PROPOSALS_PAGE}`);
    const afterNumber = after === null ? null : decodeProposalCursor(after);
    if (after !== null && afterNumber === null) throw ProposalErrors.invalidCursor();
    const scope = { siteId: user.role === Role.ADMIN ? null : user.siteId, status };
    const manager = this.dataSource.manager;
    const [rows, totalCount] = await Promise.all([
      proposalPage(manager, scope, first + 1, afterNumber),
      proposalCount(manager, scope),
    ]);
    const viewer = viewerOf(user);
    return {
      edges: rows
        .slice(0, first)
        .map((proposal) => ({ cursor: encodeProposalCursor(proposal.number), node: proposalView(proposal, viewer) })),
      hasNextPage: rows.length > first,
      hasPreviousPage: afterNumber !== null,
      totalCount,
    };
  }

  /** One proposal; NOT_FOUND for another site's, like a missing one. */
  async proposal(user: AuthenticatedUser, proposalId: string): Promise<ProposalView> {
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    const [proposal] = await findProposals(this.dataSource.manager, [proposalId]);
    if (!proposal || !canSee(user, proposal.siteId)) throw ProposalErrors.notFound();
    return proposalView(proposal, viewerOf(user));
  }

  /** Every revision of each proposal, oldest first. */
  async revisionsOf(proposalIds: readonly string[], viewer: ProposalViewer): Promise<Map<string, RevisionView[]>> {
    const byProposal = new Map<string, RevisionView[]>(proposalIds.map((id) => [id, []]));
    for (const revision of await revisionsOf(this.dataSource.manager, proposalIds)) {
      byProposal.get(revision.proposalId)?.push(revisionView(revision, viewer));
    }
    return byProposal;
  }

  /** The comments of each revision (keys `proposalId:number`), threads in reading order. */
  async commentsOf(revisionKeys: readonly string[], viewer: ProposalViewer): Promise<Map<string, CommentView[]>> {
    const wanted = revisionKeys.map(parseRevisionKey);
    const byRevision = new Map<string, CommentView[]>(revisionKeys.map((key) => [key, []]));
    const comments = await commentsOf(this.dataSource.manager, wanted);
    const grouped = new Map<string, typeof comments>();
    for (const comment of comments) {
      const key = revisionKey(comment.proposalId, comment.revisionNumber);
      grouped.set(key, [...(grouped.get(key) ?? []), comment]);
    }
    for (const [key, list] of grouped) {
      byRevision.set(
        key,
        threadOrder(list).map(({ comment, depth }) => commentView(comment, depth, viewer)),
      );
    }
    return byRevision;
  }

  async commentCounts(proposalIds: readonly string[]): Promise<Map<string, number>> {
    return commentCounts(this.dataSource.manager, proposalIds);
  }

  async coAuthorsOf(proposalIds: readonly string[], viewer: ProposalViewer): Promise<Map<string, CoAuthorView[]>> {
    const all = await coAuthorsOf(this.dataSource.manager, proposalIds);
    return new Map(
      proposalIds.map((id) => [
        id,
        coAuthorViews(
          all.filter((coAuthor) => coAuthor.proposalId === id),
          viewer,
        ),
      ]),
    );
  }

  /** The viewer's own invitation on each proposal (absent when none). */
  async myCoAuthorships(
    proposalIds: readonly string[],
    viewer: ProposalViewer,
  ): Promise<Map<string, MyCoAuthorshipView>> {
    const all = await coAuthorsOf(this.dataSource.manager, proposalIds);
    return new Map(
      all
        .filter((coAuthor) => coAuthor.userId === viewer.userId)
        .map((coAuthor) => [
          coAuthor.proposalId,
          {
            status: coAuthor.status,
            anonymous: coAuthor.anonymous,
            asReporter: coAuthor.viaPepinId !== null,
            invitedAt: coAuthor.createdAt,
          },
        ]),
    );
  }

  async endorsementsOf(
    proposalIds: readonly string[],
    viewer: ProposalViewer,
  ): Promise<Map<string, EndorsementView[]>> {
    const byProposal = new Map<string, EndorsementView[]>(proposalIds.map((id) => [id, []]));
    for (const endorsement of await endorsementsOf(this.dataSource.manager, proposalIds)) {
      byProposal.get(endorsement.proposalId)?.push(endorsementView(endorsement, viewer));
    }
    return byProposal;
  }

  async endorsementCounts(proposalIds: readonly string[]): Promise<Map<string, number>> {
    return endorsementCounts(this.dataSource.manager, proposalIds);
  }

  /** The pépins each proposal answers: reference, title and status (nothing about people). */
  async pepinsOf(proposalIds: readonly string[]): Promise<Map<string, PepinLinkView[]>> {
    const ids = await pepinIdsOf(this.dataSource.manager, proposalIds);
    const links = await this.pepins.links([...new Set([...ids.values()].flat())]);
    return new Map(
      [...ids].map(([proposalId, pepinIds]) => [
        proposalId,
        pepinIds
          .map((id) => links.get(id))
          .filter((link): link is PepinLinkView => link !== undefined)
          .sort((a, b) => a.reference.localeCompare(b.reference)),
      ]),
    );
  }

  /**
   * What a revision changes, field by field with word-level segments: against the rules
   * in force now (PUBLISHED), or against the revision before it (PREVIOUS; empty for the
   * first).
   */
  async diff(
    changes: readonly ProposedRuleChange[],
    base: DiffBase,
    previous: readonly ProposedRuleChange[] | null,
    baseRelease = 0,
  ): Promise<ProposalRuleDiff[]> {
    if (base === 'BASE') return diffAgainstPublished(changes, await this.rules.at(baseRelease));
    const published = await this.rules.latest();
    return base === 'PUBLISHED'
      ? diffAgainstPublished(changes, published.rules)
      : diffAgainstPrevious(changes, previous, published.rules);
  }
}

export function revisionKey(proposalId: string, number: number): string {
  return `${proposalId}:${number}`;
}

function parseRevisionKey(key: string): { proposalId: string; number: number } {
  const at = key.lastIndexOf(':');
  return { proposalId: key.slice(0, at), number: Number(key.slice(at + 1)) };
}
