import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import type { AuthenticatedUser } from '@pepite/api/identity';
import { NotificationsService } from '@pepite/api/notifications';
import { WebhookEvents } from '@pepite/api/webhooks';
import {
  PEPIN_LIMITS,
  PepinQueries,
  PepinStatus,
  PepinTriage,
  storedHistoryMessage,
  SYSTEM_ACTOR,
} from '@pepite/api/pepins';
import { ProposalStatus, ProposalWorkflow, type ProposalRecord } from '@pepite/api/proposals';
import { outcomeOf, settledOutcome, tallyOf, VoteChoice, VoteOutcome } from '../domain/vote';
import { voteClosedParams } from '../domain/vote-notices';
import type { VoteEntity } from '../persistence/vote.entity';
import { ballotsOf, closeVoteRow, electorIdsOf } from '../persistence/vote-store';

export type Closer = AuthenticatedUser | typeof SYSTEM_ACTOR;
export const VOTE_SUBJECT = 'VOTE';

/**
 * Closing a vote, whoever closes it (the deadline, a settled outcome, its opener early, a
 * cancellation). Always called with the vote row locked FOR UPDATE and OPEN, inside the
 * caller's transaction: of several instances racing, only the first sees it OPEN.
 */
@Injectable()
export class VoteClosing {
  constructor(
    private readonly proposals: ProposalWorkflow,
    private readonly triage: PepinTriage,
    private readonly pepins: PepinQueries,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLog,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Closes the locked OPEN vote when the ballots cast settle it; true when it did. */
  async closeIfSettled(tx: EntityManager, vote: VoteEntity, now: Date): Promise<boolean> {
    const tally = tallyOf((await ballotsOf(tx, vote.id)).map((b) => b.choice));
    if (settledOutcome(tally, vote.quorum, vote.threshold, vote.electorateSize) === null) return false;
    await this.finish(tx, vote, SYSTEM_ACTOR, now, null);
    return true;
  }

  /** Closes a locked OPEN vote: outcome, proposal and pépins moved, audit line, authors told. */
  async finish(
    tx: EntityManager,
    vote: VoteEntity,
    closer: Closer,
    now: Date,
    forced: VoteOutcome | null,
  ): Promise<void> {
    const ballots = await ballotsOf(tx, vote.id);
    const tally = tallyOf(ballots.map((b) => b.choice));
    const outcome = forced ?? outcomeOf(tally, vote.quorum, vote.threshold);
    const reasons = ballots.filter((b) => b.choice === VoteChoice.REJECT && b.reason).map((b) => b.reason as string);
    const closedBy = closer === SYSTEM_ACTOR ? null : closer.id;
    await closeVoteRow(tx, vote.id, { outcome, closedAt: now, tally, rejectReasons: reasons, closedBy });
    let proposal: ProposalRecord;
    if (outcome === VoteOutcome.APPROVED) {
      // The pépins stay IN_VOTE until the release that publishes the proposal.
      proposal = await this.proposals.setStatus(vote.proposalId, ProposalStatus.IN_VOTE, ProposalStatus.APPROVED, tx);
    } else {
      proposal = await this.proposals.setStatus(vote.proposalId, ProposalStatus.IN_VOTE, ProposalStatus.IN_DESIGN, tx);
      const pepinIds = await this.pepinsIn(vote.proposalId, PepinStatus.IN_VOTE, tx);
      if (pepinIds.length > 0) {
        // The pépins' history words the outcome itself, in each reader's language; the stored
        // message is its French line, for exports and readers of older lines.
        const notice = { proposalReference: proposal.reference, outcome, reasons };
        const message = storedHistoryMessage(PepinStatus.IN_DESIGN, notice, PEPIN_LIMITS.acknowledgeMessage.max);
        await this.triage.moveToStatus(pepinIds, PepinStatus.IN_DESIGN, closer, message ?? '', tx, { notice });
      }
    }
    await this.audit.record(
      {
        ...(closer === SYSTEM_ACTOR
          ? { actorRole: 'SYSTEM' as const }
          : { actorRole: closer.role, actorId: closer.id }),
        action: 'VOTE_CLOSED',
        subjectType: VOTE_SUBJECT,
        subjectId: vote.id,
        summary: {
          fr: `Vote clos sur la proposition ${proposal.reference} : ${outcome}.`,
          en: `Vote closed on proposal ${proposal.reference}: ${outcome}.`,
        },
        details: {
          proposalId: vote.proposalId,
          revision: vote.revisionNumber,
          outcome,
          tally: { ...tally },
          rejectReasons: reasons,
        },
      },
      tx,
    );
    const electors = await electorIdsOf(tx, vote.id);
    const coAuthors = await this.proposals.acceptedCoAuthorIds(proposal.id, tx);
    await this.notifications.notify(
      {
        recipientIds: [...new Set([proposal.createdBy, ...coAuthors, ...electors])],
        kind: 'VOTE_CLOSED',
        subjectType: 'PROPOSAL',
        subjectId: proposal.id,
        params: voteClosedParams(proposal, outcome, tally, reasons),
      },
      tx,
    );
    await this.webhooks.publish(
      {
        type: 'vote.closed',
        data: {
          proposal: { id: proposal.id, reference: proposal.reference, title: proposal.title },
          vote: { outcome, approve: tally.approve, reject: tally.reject, abstain: tally.abstain },
        },
      },
      tx,
    );
  }

  /**
   * The proposal's pépins that are `status` now: only those move (one declined or merged
   * meanwhile must not block the vote, nor its close).
   */
  async pepinsIn(proposalId: string, status: PepinStatus, tx: EntityManager): Promise<string[]> {
    const ids = await this.proposals.pepinIdsOf(proposalId, tx);
    const links = await this.pepins.links(ids);
    return ids.filter((id) => links.get(id)?.status === status);
  }
}
