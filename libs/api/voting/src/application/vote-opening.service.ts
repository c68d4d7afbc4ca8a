import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { Clock, findIdempotent, JobQueue, runIdempotent } from '@pepite/api/database';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { NotificationsService } from '@pepite/api/notifications';
import { WebhookEvents } from '@pepite/api/webhooks';
import { PepinStatus, PepinTriage } from '@pepite/api/pepins';
import { ProposalErrors, ProposalStatus, ProposalWorkflow, type ProposalRecord } from '@pepite/api/proposals';
import { defaultQuorum, VoteThreshold } from '../domain/vote';
import { voteOpenedParams } from '../domain/vote-notices';
import type { VoteEntity } from '../persistence/vote.entity';
import { insertVote, lockOpenVote } from '../persistence/vote-store';
import { VotingErrors } from '../voting.errors';
import { assertDeadline, assertManagerOrAdmin } from './ballot-rules';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import { VOTE_SUBJECT, VoteClosing } from './vote-closing';
import { VOTE_CLOSE_JOB } from './vote-deadlines.service';
import { VoteQueries } from './vote-queries.service';
import type { VoteView } from './vote-views';

export interface OpenVoteCommand {
  readonly proposalId: string;
  readonly closesAt: Date;
  readonly quorum?: number | null;
  readonly resultsHidden?: boolean | null;
  /** A retry with the same key gets the same vote back and opens nothing more (24 h). */
  readonly idempotencyKey?: string | null;
}

/**
 * Opening a vote: freezes the current revision, the proposal and its pépins go IN_VOTE,
 * the electorate (the site's active managers) is told, and the deadline job is enqueued,
 * all in one transaction.
 */
@Injectable()
export class VoteOpening {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly proposals: ProposalWorkflow,
    private readonly triage: PepinTriage,
    private readonly directory: UserDirectoryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLog,
    private readonly closing: VoteClosing,
    private readonly queries: VoteQueries,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Opens a vote on the proposal's current revision (MANAGER of its site, or ADMIN). */
  async openVote(caller: AuthenticatedUser, command: OpenVoteCommand): Promise<VoteView> {
    assertManagerOrAdmin(caller);
    const { idempotencyKey, ...request } = command;
    const idempotent = keyedRequest('openVote', caller, idempotencyKey, {
      ...request,
      proposalId: request.proposalId.toLowerCase(),
      quorum: request.quorum ?? null,
      resultsHidden: request.resultsHidden ?? null,
    });
    if (idempotent) {
      // A retry is answered even when its deadline has passed since, or the vote is closed.
      const earlier = await findIdempotent<{ voteId: string }>(
        this.dataSource.manager,
        idempotent,
        idempotencyConflict,
      );
      if (earlier) return this.queries.voteById(caller, earlier.voteId);
    }
    assertDeadline(command.closesAt, this.clock.now());
    const open = (tx: EntityManager) => this.open(tx, caller, command);
    if (!idempotent) return this.queries.viewOf(caller, await this.dataSource.transaction(open));
    const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
      const saved = await open(tx);
      return { value: saved, result: { voteId: saved.id } };
    });
    if (outcome.replayed) return this.queries.voteById(caller, outcome.result.voteId);
    return this.queries.viewOf(caller, outcome.value);
  }

  private async open(tx: EntityManager, caller: AuthenticatedUser, command: OpenVoteCommand): Promise<VoteEntity> {
    const proposal = await this.proposals.getProposal(command.proposalId, tx, true);
    if (caller.role !== Role.ADMIN && proposal.siteId !== caller.siteId) throw ProposalErrors.notFound();
    if (proposal.status !== ProposalStatus.IN_DESIGN) {
      throw VotingErrors.notInDesign({ reference: proposal.reference, status: proposal.status });
    }
    const electorate = (await this.directory.listActiveUsers(proposal.siteId, Role.MANAGER)).map((user) => user.id);
    if (electorate.length === 0) throw VotingErrors.noElectorate();
    const quorum = command.quorum ?? defaultQuorum(electorate.length);
    if (!Number.isInteger(quorum) || quorum < 1 || quorum > electorate.length) {
      throw VotingErrors.quorumInvalid({ electorate: electorate.length });
    }
    if (await lockOpenVote(tx, proposal.id)) throw VotingErrors.alreadyOpen();
    const saved = await insertVote(
      tx,
      {
        proposalId: proposal.id,
        revisionNumber: proposal.currentRevision,
        siteId: proposal.siteId,
        openedBy: caller.id,
        openedAt: this.clock.now(),
        closesAt: command.closesAt,
        quorum,
        threshold: VoteThreshold.SIMPLE_MAJORITY,
        resultsHidden: command.resultsHidden ?? false,
        electorateSize: electorate.length,
      },
      electorate,
    );
    await this.proposals.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE, tx);
    const pepinIds = await this.closing.pepinsIn(proposal.id, PepinStatus.IN_DESIGN, tx);
    if (pepinIds.length > 0) {
      const note = `Vote ouvert sur la proposition ${proposal.reference}.`;
      await this.triage.moveToStatus(pepinIds, PepinStatus.IN_VOTE, caller, note, tx, {
        notice: { proposalReference: proposal.reference },
      });
    }
    await this.recordAndAnnounce(tx, caller, proposal, saved, electorate);
    await this.jobs.enqueue(
      VOTE_CLOSE_JOB,
      { voteId: saved.id },
      { startAfter: saved.closesAt, singletonKey: saved.id, transaction: tx },
    );
    return saved;
  }

  /** The audit line `VOTE_OPENED` and the electorate's notification. */
  private async recordAndAnnounce(
    tx: EntityManager,
    caller: AuthenticatedUser,
    proposal: ProposalRecord,
    vote: VoteEntity,
    electorate: readonly string[],
  ): Promise<void> {
    await this.audit.record(
      {
        actorRole: caller.role,
        actorId: caller.id,
        action: 'VOTE_OPENED',
        subjectType: VOTE_SUBJECT,
        subjectId: vote.id,
        summary: {
          fr: `Vote ouvert sur la proposition ${proposal.reference} (révision ${proposal.currentRevision}).`,
          en: `Vote opened on proposal ${proposal.reference} (revision ${proposal.currentRevision}).`,
        },
        details: {
          proposalId: proposal.id,
          revision: proposal.currentRevision,
          closesAt: vote.closesAt.toISOString(),
          quorum: vote.quorum,
          electorateSize: electorate.length,
          resultsHidden: vote.resultsHidden,
        },
      },
      tx,
    );
    await this.notifications.notify(
      {
        recipientIds: [...electorate],
        kind: 'VOTE_OPENED',
        subjectType: 'PROPOSAL',
        subjectId: proposal.id,
        params: voteOpenedParams(proposal, vote.closesAt),
      },
      tx,
    );
    await this.webhooks.publish(
      {
        type: 'vote.opened',
        data: {
          proposal: { id: proposal.id, reference: proposal.reference, title: proposal.title },
          vote: { closesAt: vote.closesAt.toISOString(), quorum: vote.quorum, electorateSize: electorate.length },
        },
      },
      tx,
    );
  }
}
