import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, runIdempotent } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { isNamed } from '../domain/participants';
import { referenceOf, type Proposal } from '../domain/proposal';
import { isClosed } from '../domain/proposal-status';
import { PROPOSAL_LIMITS, readOptionalText, readText, TEXT_LABELS } from '../domain/proposal-text';
import { invalidProposalInput, ProposalErrors } from '../proposals.errors';
import { findComment, insertComment, upsertEndorsement } from '../persistence/discussion-store';
import { lockProposal } from '../persistence/proposal-store';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import { ProposalAudit } from './proposal-audit';
import { ProposalNotifier } from './proposal-notifier';
import {
  canSee,
  commentView,
  participantKindOf,
  proposalView,
  viewerOf,
  type CommentView,
  type ProposalView,
} from './proposal-views';

export interface CommentOnProposalCommand {
  readonly proposalId: string;
  /** The revision the comment is about. */
  readonly revision: number;
  /** The comment answered (same proposal and revision); a new thread when omitted. */
  readonly parentId?: string | null;
  readonly body: string;
  /** Operators: show your name on it (anonymous otherwise). Managers always act under their name. */
  readonly signed?: boolean | null;
  /** A retry with the same key gets the same comment back and posts nothing more (24 h). */
  readonly idempotencyKey?: string | null;
}

export interface EndorseProposalCommand {
  /** Left out (or null): unchanged, none for a first endorsement; empty text removes it. */
  readonly comment?: string | null;
  /** Left out (or null): unchanged, anonymous for a first endorsement. */
  readonly signed?: boolean | null;
}

/**
 * Talking about a proposal: threaded comments on a revision, by anyone of its site, and
 * operators' endorsements. The proposal is locked FOR SHARE, so a status change waits
 * for the comment (and the other way round); none of this moves the proposal's
 * `updatedAt`, which would time operators' activity.
 */
@Injectable()
export class ProposalDiscussion {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: ProposalNotifier,
    private readonly audit: ProposalAudit,
  ) {}

  async commentOnProposal(actor: AuthenticatedUser, command: CommentOnProposalCommand): Promise<CommentView> {
    if (!isUuid(command.proposalId)) throw ProposalErrors.notFound();
    const read = readText('body', TEXT_LABELS.body, command.body, PROPOSAL_LIMITS.comment);
    if (read.problem) throw invalidProposalInput('comment', [read.problem]);
    const body = read.text;
    const kind = participantKindOf(actor.role);
    const signed = actor.role === Role.OPERATOR ? command.signed === true : true;
    const named = isNamed(kind, signed);
    const { idempotencyKey, ...request } = command;
    const idempotent = keyedRequest('commentOnProposal', actor, idempotencyKey, { ...request, body, signed });
    const post = async (tx: EntityManager): Promise<CommentView> => {
      const proposal = await lockProposal(tx, command.proposalId, 'SHARE');
      if (!proposal || !canSee(actor, proposal.siteId)) throw ProposalErrors.notFound();
      const reference = referenceOf(proposal);
      if (isClosed(proposal.status)) throw ProposalErrors.closed({ reference, status: proposal.status });
      assertRevision(proposal, command.revision);
      let parentAuthorId: string | null = null;
      const parentId = command.parentId ?? null;
      if (parentId !== null) {
        const parent = isUuid(parentId) ? await findComment(tx, parentId) : null;
        if (!parent || parent.proposalId !== proposal.id) throw ProposalErrors.parentCommentNotFound();
        if (parent.revisionNumber !== command.revision)
          throw ProposalErrors.replyOnOtherRevision({ revision: parent.revisionNumber });
        parentAuthorId = parent.authorId;
      }
      const comment = await insertComment(tx, {
        proposalId: proposal.id,
        revisionNumber: command.revision,
        parentId: parentId === null ? null : parentId.toLowerCase(),
        authorId: actor.id,
        authorKind: kind,
        signed,
        body,
      });
      if (parentAuthorId !== null && parentAuthorId !== actor.id) {
        await this.notifier.replied(
          tx,
          { id: proposal.id, reference, title: proposal.title },
          parentAuthorId,
          command.revision,
        );
      }
      await this.audit.record(tx, {
        action: 'PROPOSAL_COMMENTED',
        actor,
        named,
        proposalId: proposal.id,
        summary: {
          fr: `Commentaire sur la révision ${command.revision} de la proposition ${reference}${parentId ? ' (réponse)' : ''}.`,
          en: `Comment on revision ${command.revision} of proposal ${reference}${parentId ? ' (reply)' : ''}.`,
        },
        details: { reference, revision: command.revision, commentId: comment.id, parentId: comment.parentId },
      });
      return commentView(comment, 0, viewerOf(actor));
    };
    if (!idempotent) return this.dataSource.transaction(post);
    const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
      const view = await post(tx);
      return { value: view, result: { commentId: view.id } };
    });
    if (!outcome.replayed) return outcome.value;
    const earlier = await findComment(this.dataSource.manager, outcome.result.commentId);
    if (!earlier) throw ProposalErrors.notFound();
    return commentView(earlier, 0, viewerOf(actor));
  }

  /**
   * An operator of the site supports the proposal, with an optional comment: once per
   * operator (endorsing again changes the comment or the signature, not the count).
   */
  async endorseProposal(
    actor: AuthenticatedUser,
    proposalId: string,
    command: EndorseProposalCommand = {},
  ): Promise<ProposalView> {
    if (actor.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    let comment: string | null | undefined;
    if (command.comment !== null && command.comment !== undefined) {
      const read = readOptionalText(
        'comment',
        TEXT_LABELS.comment,
        command.comment,
        PROPOSAL_LIMITS.endorsementComment.max,
      );
      if (read.problem) throw invalidProposalInput('endorsement', [read.problem]);
      comment = read.text;
    }
    const signed = command.signed ?? undefined;
    return this.dataSource.transaction(async (tx) => {
      const proposal = await lockProposal(tx, proposalId, 'SHARE');
      if (!proposal || !canSee(actor, proposal.siteId)) throw ProposalErrors.notFound();
      const reference = referenceOf(proposal);
      if (isClosed(proposal.status)) throw ProposalErrors.closed({ reference, status: proposal.status });
      const created = await upsertEndorsement(tx, { proposalId: proposal.id, operatorId: actor.id, comment, signed });
      const named = signed === true;
      await this.audit.record(tx, {
        action: 'PROPOSAL_ENDORSED',
        actor,
        named,
        proposalId: proposal.id,
        summary: created
          ? { fr: `Soutien à la proposition ${reference}.`, en: `Endorsement of proposal ${reference}.` }
          : {
              fr: `Soutien à la proposition ${reference} modifié.`,
              en: `Endorsement of proposal ${reference} changed.`,
            },
        details: { reference, firstTime: created, withComment: comment !== undefined && comment !== null },
      });
      return proposalView(proposal, viewerOf(actor));
    });
  }
}

function assertRevision(proposal: Proposal, revision: number): void {
  if (!Number.isInteger(revision) || revision < 1 || revision > proposal.currentRevision) {
    throw ProposalErrors.revisionNotFound({
      reference: referenceOf(proposal),
      revision,
      latest: proposal.currentRevision,
    });
  }
}
