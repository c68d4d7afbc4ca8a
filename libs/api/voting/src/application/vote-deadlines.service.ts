import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, isUuid, JobQueue } from '@pepite/api/database';
import { SYSTEM_ACTOR } from '@pepite/api/pepins';
import { VoteStatus } from '../domain/vote';
import { lockVote, overdueVoteIds } from '../persistence/vote-store';
import { VoteClosing } from './vote-closing';

/** The durable job that closes one vote at its deadline (data `{ voteId }`). */
export const VOTE_CLOSE_JOB = 'voting.close';
/** A sweep every minute: closes what a lost or early job left open. */
export const VOTE_SWEEP_JOB = 'voting.sweep';

/** Votes that reach their deadline: the per-vote job, and the sweep behind it. */
@Injectable()
export class VoteDeadlines implements OnModuleInit {
  private readonly logger = new Logger(VoteDeadlines.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly closing: VoteClosing,
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
      await this.closing.finish(tx, vote, SYSTEM_ACTOR, now, null);
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
}
