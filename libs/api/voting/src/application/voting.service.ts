import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { Clock, findIdempotent, isUuid, JobQueue, runIdempotent } from '@pepite/api/database';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { NotificationsService } from '@pepite/api/notifications';
import { PEPIN_LIMITS, PepinQueries, PepinStatus, PepinTriage, SYSTEM_ACTOR } from '@pepite/api/pepins';
import { ProposalErrors, ProposalStatus, ProposalWorkflow, type ProposalRecord } from '@pepite/api/proposals';
import {
  defaultQuorum,
  outcomeOf,
  tallyOf,
  VOTE_LIMITS,
  VoteChoice,
  VoteOutcome,
  VoteStatus,
  VoteThreshold,
} from '../domain/vote';
import { backToDesignMessage, voteClosedParams, voteOpenedParams } from '../domain/vote-notices';
import type { BallotEntity } from '../persistence/ballot.entity';
import type { VoteEntity } from '../persistence/vote.entity';
import {
  ballotsByManager,
  ballotsOf,
  countBallots,
  closeVoteRow,
  electorIdsOf,
  insertVote,
  isElector,
  latestApproval,
  latestVote,
  lockOpenVote,
  lockVote,
  overdueVoteIds,
  upsertBallot,
  votesByIds,
} from '../persistence/vote-store';
import { VotingErrors } from '../voting.errors';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import type { ApprovalRecord, BallotView, VoteView } from './vote-views';

/** The durable job that closes one vote at its deadline (data `{ voteId }`). */
export const VOTE_CLOSE_JOB = 'voting.close';
/** A sweep every minute: closes what a lost or early job left open. */
export const VOTE_SWEEP_JOB = 'voting.sweep';
export const MAX_MY_BALLOTS = 100;
const SUBJECT = 'VOTE';

export interface OpenVoteCommand {
  readonly proposalId: string;
  readonly closesAt: Date;
  readonly quorum?: number | null;
  readonly resultsHidden?: boolean | null;
  /** A retry with the same key gets the same vote back and opens nothing more (24 h). */
  readonly idempotencyKey?: string | null;
}

type Closer = AuthenticatedUser | typeof SYSTEM_ACTOR;

/**
 * Votes on proposals: open (freezes the current revision, the proposal and its pépins go
 * IN_VOTE), cast (one ballot per elector, changeable while open), close (at the deadline,
 * when everyone has voted, or cancelled). Every step is one transaction with its audit
 * line and notifications. Casts and closes of one vote take the vote row FOR UPDATE in
 * turn, so "the last choice" is the last committed one and a close never misses a ballot.
 */
@Injectable()
export class VotingService implements OnModuleInit {
  private readonly logger = new Logger(VotingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly proposals: ProposalWorkflow,
    private readonly triage: PepinTriage,
    private readonly pepins: PepinQueries,
    private readonly directory: UserDirectoryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLog,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<{ voteId: string }>(VOTE_CLOSE_JOB, async ({ voteId }) => {
      await this.closeIfDue(voteId);
    });
    await this.jobs.every(VOTE_SWEEP_JOB, '* * * * *', async () => {
      const closed = await this.closeOverdueVotes();
      if (closed > 0) this.logger.log(`closed ${closed} overdue vote(s)`);
    });
  }

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
      if (earlier) return this.replayedVote(caller, earlier.voteId);
    }
    const now = this.clock.now();
    const closesAt = command.closesAt;
    if (
      !(closesAt instanceof Date) ||
      Number.isNaN(closesAt.getTime()) ||
      closesAt <= now ||
      closesAt.getTime() - now.getTime() > VOTE_LIMITS.maxDurationMs
    ) {
      throw VotingErrors.closesAtInvalid({ maxDays: VOTE_LIMITS.maxDurationMs / 86_400_000 });
    }
    const open = async (tx: EntityManager): Promise<VoteEntity> => {
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
          openedAt: now,
          closesAt,
          quorum,
          threshold: VoteThreshold.SIMPLE_MAJORITY,
          resultsHidden: command.resultsHidden ?? false,
          electorateSize: electorate.length,
        },
        electorate,
      );
      await this.proposals.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE, tx);
      const pepinIds = await this.pepinsIn(proposal.id, PepinStatus.IN_DESIGN, tx);
      if (pepinIds.length > 0) {
        await this.triage.moveToStatus(
          pepinIds,
          PepinStatus.IN_VOTE,
          caller,
          `Vote ouvert sur la proposition ${proposal.reference}.`,
          tx,
          { notice: { proposalReference: proposal.reference } },
        );
      }
      await this.audit.record(
        {
          actorRole: caller.role,
          actorId: caller.id,
          action: 'VOTE_OPENED',
          subjectType: SUBJECT,
          subjectId: saved.id,
          summary: {
            fr: `Vote ouvert sur la proposition ${proposal.reference} (révision ${proposal.currentRevision}).`,
            en: `Vote opened on proposal ${proposal.reference} (revision ${proposal.currentRevision}).`,
          },
          details: {
            proposalId: proposal.id,
            revision: proposal.currentRevision,
            closesAt: closesAt.toISOString(),
            quorum,
            electorateSize: electorate.length,
            resultsHidden: saved.resultsHidden,
          },
        },
        tx,
      );
      await this.notifications.notify(
        {
          recipientIds: electorate,
          kind: 'VOTE_OPENED',
          subjectType: 'PROPOSAL',
          subjectId: proposal.id,
          params: voteOpenedParams(proposal, closesAt),
        },
        tx,
      );
      await this.jobs.enqueue(
        VOTE_CLOSE_JOB,
        { voteId: saved.id },
        { startAfter: closesAt, singletonKey: saved.id, transaction: tx },
      );
      return saved;
    };
    if (!idempotent) return this.viewOf(caller, await this.dataSource.transaction(open));
    const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
      const saved = await open(tx);
      return { value: saved, result: { voteId: saved.id } };
    });
    if (outcome.replayed) return this.replayedVote(caller, outcome.result.voteId);
    return this.viewOf(caller, outcome.value);
  }

  /** The vote an earlier keyed `openVote` opened, as it is now. */
  private async replayedVote(caller: AuthenticatedUser, voteId: string): Promise<VoteView> {
    const vote = (await votesByIds(this.dataSource.manager, [voteId])).get(voteId);
    if (!vote) throw VotingErrors.voteNotFound();
    return this.viewOf(caller, vote);
  }

  /** Casts or changes the caller's ballot on the proposal's open vote. */
  async castVote(
    caller: AuthenticatedUser,
    proposalId: string,
    choice: VoteChoice,
    reason?: string | null,
  ): Promise<BallotView> {
    const text = reasonOf(choice, reason);
    if (!isUuid(proposalId)) throw VotingErrors.voteNotFound();
    const ballot = await this.dataSource.transaction(async (tx) => {
      const vote = await lockOpenVote(tx, proposalId.toLowerCase());
      if (!vote || (caller.role !== Role.ADMIN && vote.siteId !== caller.siteId)) throw VotingErrors.voteNotFound();
      if (!(await isElector(tx, vote.id, caller.id))) throw VotingErrors.notElector();
      const now = this.clock.now();
      if (now >= vote.closesAt) throw VotingErrors.voteClosed();
      const saved = await upsertBallot(tx, { voteId: vote.id, managerId: caller.id, choice, reason: text, at: now });
      await this.audit.record(
        {
          actorRole: caller.role,
          actorId: caller.id,
          action: 'VOTE_CAST',
          subjectType: SUBJECT,
          subjectId: vote.id,
          summary: { fr: `Bulletin ${choice} sur un vote.`, en: `Ballot ${choice} on a vote.` },
          details: { proposalId: vote.proposalId, choice, reason: text },
        },
        tx,
      );
      if ((await countBallots(tx, vote.id)) >= vote.electorateSize)
        await this.finish(tx, vote, SYSTEM_ACTOR, now, null);
      return saved;
    });
    return this.ballotView(ballot, proposalId.toLowerCase(), caller);
  }

  /** Calls off the proposal's open vote (its opener, or an admin): the proposal goes back to design. */
  async cancelVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView> {
    assertManagerOrAdmin(caller);
    if (!isUuid(proposalId)) throw VotingErrors.voteNotFound();
    const vote = await this.dataSource.transaction(async (tx) => {
      const open = await lockOpenVote(tx, proposalId.toLowerCase());
      if (!open || (caller.role !== Role.ADMIN && open.siteId !== caller.siteId)) throw VotingErrors.voteNotFound();
      if (caller.role !== Role.ADMIN && open.openedBy !== caller.id) throw VotingErrors.notCanceller();
      await this.finish(tx, open, caller, this.clock.now(), VoteOutcome.CANCELLED);
      return (await lockVote(tx, open.id)) as VoteEntity;
    });
    return this.viewOf(caller, vote);
  }

  /**
   * Closes the vote when its deadline has passed by the Clock (the job's and the sweep's
   * entry; idempotent: a closed vote, or one not yet due, is left as it is). True when
   * this call closed it.
   */
  async closeIfDue(voteId: string): Promise<boolean> {
    if (!isUuid(voteId)) return false;
    return this.dataSource.transaction(async (tx) => {
      const vote = await lockVote(tx, voteId);
      const now = this.clock.now();
      if (!vote || vote.status !== VoteStatus.OPEN || now < vote.closesAt) return false;
      await this.finish(tx, vote, SYSTEM_ACTOR, now, null);
      return true;
    });
  }

  /** Closes every open vote past its deadline by the Clock; returns how many. */
  async closeOverdueVotes(): Promise<number> {
    let closed = 0;
    for (const id of await overdueVoteIds(this.dataSource.manager, this.clock.now(), 500)) {
      if (await this.closeIfDue(id)) closed++;
    }
    return closed;
  }

  /** The proposal's latest vote (open, or the last closed), as the caller may see it; null when none. */
  async proposalVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView | null> {
    const proposal = await this.proposals.getProposal(proposalId);
    if (caller.role !== Role.ADMIN && proposal.siteId !== caller.siteId) throw ProposalErrors.notFound();
    const vote = await latestVote(this.dataSource.manager, proposal.id);
    return vote ? this.viewOf(caller, vote) : null;
  }

  /** The caller's own ballots, last changed first. */
  async myBallots(caller: AuthenticatedUser, first = 50): Promise<BallotView[]> {
    const limit = Math.min(Math.max(1, Math.trunc(first)), MAX_MY_BALLOTS);
    const ballots = await ballotsByManager(this.dataSource.manager, caller.id, limit);
    const votes = await votesByIds(this.dataSource.manager, [...new Set(ballots.map((b) => b.voteId))]);
    return ballots.map((b) => ({
      voteId: b.voteId,
      proposalId: votes.get(b.voteId)?.proposalId ?? '',
      choice: b.choice,
      reason: b.reason,
      castAt: b.castAt,
      updatedAt: b.updatedAt,
      manager: { id: caller.id, displayName: caller.displayName },
    }));
  }

  /**
   * For the publication context: the vote that approved the proposal's current revision,
   * or null when the proposal is not APPROVED by a vote on that revision.
   */
  async approvalOf(proposalId: string, manager?: EntityManager): Promise<ApprovalRecord | null> {
    const proposal = await this.proposals.getProposal(proposalId, manager);
    if (proposal.status !== ProposalStatus.APPROVED && proposal.status !== ProposalStatus.PUBLISHED) return null;
    const vote = await latestApproval(manager ?? this.dataSource.manager, proposal.id);
    if (!vote || vote.revisionNumber !== proposal.currentRevision || !vote.closedAt || !vote.tally) return null;
    return {
      voteId: vote.id,
      proposalId: vote.proposalId,
      revision: vote.revisionNumber,
      closedAt: vote.closedAt,
      tally: vote.tally,
    };
  }

  /** Closes a locked OPEN vote: outcome, proposal and pépins moved, audit line, authors told. */
  private async finish(
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
        const message = backToDesignMessage(proposal, outcome, reasons, PEPIN_LIMITS.acknowledgeMessage.max);
        await this.triage.moveToStatus(pepinIds, PepinStatus.IN_DESIGN, closer, message, tx, {
          notice: { proposalReference: proposal.reference, outcome, reasons },
        });
      }
    }
    await this.audit.record(
      {
        ...(closer === SYSTEM_ACTOR
          ? { actorRole: 'SYSTEM' as const }
          : { actorRole: closer.role, actorId: closer.id }),
        action: 'VOTE_CLOSED',
        subjectType: SUBJECT,
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
    await this.notifications.notify(
      {
        recipientIds: [...new Set([proposal.createdBy, ...electors])],
        kind: 'VOTE_CLOSED',
        subjectType: 'PROPOSAL',
        subjectId: proposal.id,
        params: voteClosedParams(proposal, outcome, tally, reasons),
      },
      tx,
    );
  }

  /**
   * The proposal's pépins that are `status` now: only those move (one declined or merged
   * meanwhile must not block the vote, nor its close).
   */
  private async pepinsIn(proposalId: string, status: PepinStatus, tx: EntityManager): Promise<string[]> {
    const ids = await this.proposals.pepinIdsOf(proposalId, tx);
    const links = await this.pepins.links(ids);
    return ids.filter((id) => links.get(id)?.status === status);
  }

  private async viewOf(caller: AuthenticatedUser, vote: VoteEntity): Promise<VoteView> {
    const tx = this.dataSource.manager;
    const ballots = await ballotsOf(tx, vote.id);
    const open = vote.status === VoteStatus.OPEN;
    const operator = caller.role === Role.OPERATOR;
    const hidden = open && (vote.resultsHidden || operator);
    const names = new Map(
      (await this.directory.getUsers(ballots.map((b) => b.managerId))).map((u) => [u.id, u.displayName]),
    );
    const toView = (b: BallotEntity): BallotView => ({
      voteId: vote.id,
      proposalId: vote.proposalId,
      choice: b.choice,
      reason: b.reason,
      castAt: b.castAt,
      updatedAt: b.updatedAt,
      manager: { id: b.managerId, displayName: names.get(b.managerId) ?? '' },
    });
    const mine = ballots.find((b) => b.managerId === caller.id);
    return {
      id: vote.id,
      proposalId: vote.proposalId,
      revision: vote.revisionNumber,
      openedAt: vote.openedAt,
      closesAt: vote.closesAt,
      closedAt: vote.closedAt,
      quorum: vote.quorum,
      threshold: vote.threshold,
      resultsHidden: vote.resultsHidden,
      electorateSize: vote.electorateSize,
      castCount: ballots.length,
      status: vote.status,
      outcome: vote.outcome,
      tally: hidden ? null : (vote.tally ?? tallyOf(ballots.map((b) => b.choice))),
      rejectReasons: open ? null : (vote.rejectReasons ?? []),
      myBallot: mine ? toView(mine) : null,
      ballots: operator || (open && vote.resultsHidden) ? null : ballots.map(toView),
    };
  }

  private ballotView(ballot: BallotEntity, proposalId: string, caller: AuthenticatedUser): BallotView {
    return {
      voteId: ballot.voteId,
      proposalId,
      choice: ballot.choice,
      reason: ballot.reason,
      castAt: ballot.castAt,
      updatedAt: ballot.updatedAt,
      manager: { id: caller.id, displayName: caller.displayName },
    };
  }
}

function assertManagerOrAdmin(caller: AuthenticatedUser): void {
  if (caller.role !== Role.MANAGER && caller.role !== Role.ADMIN) throw VotingErrors.notManagerOfSite();
}

/** The trimmed reason: required (10+ characters) for REJECT, optional otherwise. */
function reasonOf(choice: VoteChoice, reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim().replace(/\s+/g, ' ');
  const length = [...text].length;
  if (length > VOTE_LIMITS.maxReasonLength) throw VotingErrors.reasonTooLong({ max: VOTE_LIMITS.maxReasonLength });
  if (choice === VoteChoice.REJECT && length < VOTE_LIMITS.minReasonLength) {
    throw VotingErrors.reasonRequired({ min: VOTE_LIMITS.minReasonLength, max: VOTE_LIMITS.maxReasonLength });
  }
  return text === '' ? null : text;
}
