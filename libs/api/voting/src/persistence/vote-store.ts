import type { EntityManager } from 'typeorm';
import { VoteOutcome, VoteStatus, type Tally, type VoteChoice } from '../domain/vote';
import { BallotEntity } from './ballot.entity';
import { VoteElectorEntity } from './vote-elector.entity';
import { VoteEntity } from './vote.entity';

export type NewVote = Omit<
  VoteEntity,
  'id' | 'status' | 'outcome' | 'closedAt' | 'tally' | 'rejectReasons' | 'closedBy'
>;

export async function insertVote(tx: EntityManager, vote: NewVote, electorIds: readonly string[]): Promise<VoteEntity> {
  const saved = await tx.getRepository(VoteEntity).save(tx.getRepository(VoteEntity).create(vote));
  await tx
    .createQueryBuilder()
    .insert()
    .into(VoteElectorEntity)
    .values(electorIds.map((managerId) => ({ voteId: saved.id, managerId })))
    .execute();
  return saved;
}

/** The proposal's open vote, locked FOR UPDATE (casts and closes of one vote take turns). */
export function lockOpenVote(tx: EntityManager, proposalId: string): Promise<VoteEntity | null> {
  return tx
    .getRepository(VoteEntity)
    .createQueryBuilder('vote')
    .setLock('pessimistic_write')
    .where('vote.proposal_id = :proposalId AND vote.status = :status', { proposalId, status: VoteStatus.OPEN })
    .getOne();
}

export function lockVote(tx: EntityManager, voteId: string): Promise<VoteEntity | null> {
  return tx
    .getRepository(VoteEntity)
    .createQueryBuilder('vote')
    .setLock('pessimistic_write')
    .where('vote.id = :voteId', { voteId })
    .getOne();
}

/** The proposal's latest vote (open, or the last closed). */
export function latestVote(tx: EntityManager, proposalId: string): Promise<VoteEntity | null> {
  return tx.getRepository(VoteEntity).findOne({ where: { proposalId }, order: { openedAt: 'DESC', id: 'DESC' } });
}

export async function isElector(tx: EntityManager, voteId: string, managerId: string): Promise<boolean> {
  return (await tx.getRepository(VoteElectorEntity).countBy({ voteId, managerId })) > 0;
}

export async function electorIdsOf(tx: EntityManager, voteId: string): Promise<string[]> {
  return (await tx.getRepository(VoteElectorEntity).find({ where: { voteId }, order: { managerId: 'ASC' } })).map(
    (row) => row.managerId,
  );
}

/** Insert or change a manager's ballot: one row per (vote, manager) whatever the concurrency. */
export async function upsertBallot(
  tx: EntityManager,
  ballot: { voteId: string; managerId: string; choice: VoteChoice; reason: string | null; at: Date },
): Promise<BallotEntity> {
  await tx.query(
    `INSERT INTO ballot (vote_id, manager_id, choice, reason, cast_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (vote_id, manager_id) DO UPDATE SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at`,
    [ballot.voteId, ballot.managerId, ballot.choice, ballot.reason, ballot.at],
  );
  return tx.getRepository(BallotEntity).findOneByOrFail({ voteId: ballot.voteId, managerId: ballot.managerId });
}

export function ballotsOf(tx: EntityManager, voteId: string): Promise<BallotEntity[]> {
  return tx.getRepository(BallotEntity).find({ where: { voteId }, order: { castAt: 'ASC', managerId: 'ASC' } });
}

export function countBallots(tx: EntityManager, voteId: string): Promise<number> {
  return tx.getRepository(BallotEntity).countBy({ voteId });
}

export function findBallot(tx: EntityManager, voteId: string, managerId: string): Promise<BallotEntity | null> {
  return tx.getRepository(BallotEntity).findOneBy({ voteId, managerId });
}

export function ballotsByManager(tx: EntityManager, managerId: string, limit: number): Promise<BallotEntity[]> {
  return tx.getRepository(BallotEntity).find({ where: { managerId }, order: { updatedAt: 'DESC' }, take: limit });
}

export async function votesByIds(tx: EntityManager, ids: readonly string[]): Promise<Map<string, VoteEntity>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .getRepository(VoteEntity)
    .createQueryBuilder('vote')
    .where('vote.id IN (:...ids)', { ids })
    .getMany();
  return new Map(rows.map((row) => [row.id, row]));
}

export function closeVoteRow(
  tx: EntityManager,
  voteId: string,
  close: { outcome: VoteOutcome; closedAt: Date; tally: Tally; rejectReasons: string[]; closedBy: string | null },
): Promise<unknown> {
  return tx.getRepository(VoteEntity).update({ id: voteId }, { status: VoteStatus.CLOSED, ...close });
}

/** Open votes whose deadline has passed at `now`, oldest deadline first. */
export async function overdueVoteIds(tx: EntityManager, now: Date, limit: number): Promise<string[]> {
  const rows = await tx
    .getRepository(VoteEntity)
    .createQueryBuilder('vote')
    .select('vote.id', 'id')
    .where('vote.status = :status AND vote.closes_at <= :now', { status: VoteStatus.OPEN, now })
    .orderBy('vote.closes_at', 'ASC')
    .limit(limit)
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}

/** The latest APPROVED vote on the proposal. */
export function latestApproval(tx: EntityManager, proposalId: string): Promise<VoteEntity | null> {
  return tx.getRepository(VoteEntity).findOne({
    where: { proposalId, outcome: VoteOutcome.APPROVED },
    order: { closedAt: 'DESC' },
  });
}
