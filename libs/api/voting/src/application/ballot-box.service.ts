import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { Clock, isUuid } from '@pepite/api/database';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { SYSTEM_ACTOR } from '@pepite/api/pepins';
import { VoteOutcome, type VoteChoice } from '../domain/vote';
import type { VoteEntity } from '../persistence/vote.entity';
import { countBallots, isElector, lockOpenVote, lockVote, upsertBallot } from '../persistence/vote-store';
import { VotingErrors } from '../voting.errors';
import { assertManagerOrAdmin, reasonOf } from './ballot-rules';
import { VOTE_SUBJECT, VoteClosing } from './vote-closing';
import { mayEndEarly, ownBallotView } from './vote-mapping';
import { VoteQueries } from './vote-queries.service';
import type { BallotView, VoteView } from './vote-views';

/**
 * What managers do on an open vote: cast (one ballot each, changeable while open), close
 * it early once the quorum is reached, or call it off. Each takes the vote row FOR UPDATE,
 * so casts and closes of one vote take turns, across instances: "the last choice" is the
 * last committed one, a close never misses a ballot, and a vote closes exactly once.
 */
@Injectable()
export class BallotBox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly closing: VoteClosing,
    private readonly queries: VoteQueries,
  ) {}

  /**
   * Casts or changes the caller's ballot on the proposal's open vote. When the ballots
   * now settle the outcome (see `settledOutcome`), the vote closes in the same transaction.
   */
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
          subjectType: VOTE_SUBJECT,
          subjectId: vote.id,
          summary: { fr: `Bulletin ${choice} sur un vote.`, en: `Ballot ${choice} on a vote.` },
          details: { proposalId: vote.proposalId, choice, reason: text },
        },
        tx,
      );
      // Everyone has voted: closed whatever the outcome; otherwise only once it is settled
      // (which needs the quorum: below it, the electors left could always change the outcome).
      const cast = await countBallots(tx, vote.id);
      if (cast >= vote.electorateSize) await this.closing.finish(tx, vote, SYSTEM_ACTOR, now, null);
      else if (cast >= vote.quorum) await this.closing.closeIfSettled(tx, vote, now);
      return saved;
    });
    return ownBallotView(ballot, proposalId.toLowerCase(), caller);
  }

  /**
   * Closes the proposal's open vote before its deadline (its opener, or an admin), once the
   * quorum is reached: the outcome is that of the ballots cast.
   */
  async closeVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView> {
    return this.endEarly(caller, proposalId, async (tx, open) => {
      if ((await countBallots(tx, open.id)) < open.quorum) throw VotingErrors.quorumNotReached({ quorum: open.quorum });
      await this.closing.finish(tx, open, caller, this.clock.now(), null);
    });
  }

  /** Calls off the proposal's open vote (its opener, or an admin): the proposal goes back to design. */
  async cancelVote(caller: AuthenticatedUser, proposalId: string): Promise<VoteView> {
    return this.endEarly(caller, proposalId, async (tx, open) => {
      await this.closing.finish(tx, open, caller, this.clock.now(), VoteOutcome.CANCELLED);
    });
  }

  private async endEarly(
    caller: AuthenticatedUser,
    proposalId: string,
    end: (tx: EntityManager, open: VoteEntity) => Promise<void>,
  ): Promise<VoteView> {
    assertManagerOrAdmin(caller);
    if (!isUuid(proposalId)) throw VotingErrors.voteNotFound();
    const vote = await this.dataSource.transaction(async (tx) => {
      const open = await lockOpenVote(tx, proposalId.toLowerCase());
      if (!open || (caller.role !== Role.ADMIN && open.siteId !== caller.siteId)) throw VotingErrors.voteNotFound();
      if (!mayEndEarly(caller, open)) throw VotingErrors.notCanceller();
      await end(tx, open);
      return (await lockVote(tx, open.id)) as VoteEntity;
    });
    return this.queries.viewOf(caller, vote);
  }
}
