import type { EntityManager } from 'typeorm';
import type { ParticipantKind } from '../domain/proposal-status';

// Comments and operators' endorsements of proposals.

export interface ProposalComment {
  readonly id: string;
  readonly proposalId: string;
  readonly revisionNumber: number;
  readonly parentId: string | null;
  readonly authorId: string;
  readonly authorKind: ParticipantKind;
  readonly signed: boolean;
  readonly body: string;
  readonly createdAt: Date;
}

interface CommentRow {
  readonly id: string;
  readonly proposal_id: string;
  readonly revision_number: number;
  readonly parent_id: string | null;
  readonly author_id: string;
  readonly author_kind: ParticipantKind;
  readonly signed: boolean;
  readonly body: string;
  readonly created_at: Date;
}

const COMMENT_COLUMNS =
  'm.id, m.proposal_id, m.revision_number, m.parent_id, m.author_id, m.author_kind, m.signed, m.body, m.created_at';

function commentOf(row: CommentRow): ProposalComment {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    revisionNumber: row.revision_number,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorKind: row.author_kind,
    signed: row.signed,
    body: row.body,
    createdAt: row.created_at,
  };
}

export async function insertComment(
  tx: EntityManager,
  values: Omit<ProposalComment, 'id' | 'createdAt'>,
): Promise<ProposalComment> {
  const rows: CommentRow[] = await tx.query(
    `INSERT INTO proposal_comment AS m (proposal_id, revision_number, parent_id, author_id, author_kind, signed, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COMMENT_COLUMNS}`,
    [
      values.proposalId,
      values.revisionNumber,
      values.parentId,
      values.authorId,
      values.authorKind,
      values.signed,
      values.body,
    ],
  );
  return commentOf(rows[0] as CommentRow);
}

export async function findComment(manager: EntityManager, id: string): Promise<ProposalComment | null> {
  const rows: CommentRow[] = await manager.query(`SELECT ${COMMENT_COLUMNS} FROM proposal_comment m WHERE m.id = $1`, [
    id,
  ]);
  return rows[0] ? commentOf(rows[0]) : null;
}

/** Comments of the revisions named `proposalId:number`, oldest first (ties by the random id). */
export async function commentsOf(
  manager: EntityManager,
  revisions: readonly { proposalId: string; number: number }[],
): Promise<ProposalComment[]> {
  if (revisions.length === 0) return [];
  const rows: CommentRow[] = await manager.query(
    `SELECT ${COMMENT_COLUMNS} FROM proposal_comment m
     JOIN unnest($1::uuid[], $2::int[]) AS wanted(proposal_id, number)
       ON wanted.proposal_id = m.proposal_id AND wanted.number = m.revision_number
     ORDER BY m.created_at, m.id`,
    [revisions.map((revision) => revision.proposalId), revisions.map((revision) => revision.number)],
  );
  return rows.map(commentOf);
}

export function commentCounts(manager: EntityManager, proposalIds: readonly string[]): Promise<Map<string, number>> {
  return rowsPerProposal(manager, 'proposal_comment', proposalIds);
}

// Endorsements.

export interface ProposalEndorsement {
  readonly proposalId: string;
  readonly operatorId: string;
  readonly comment: string | null;
  readonly signed: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface EndorsementRow {
  readonly proposal_id: string;
  readonly operator_id: string;
  readonly comment: string | null;
  readonly signed: boolean;
  readonly created_at: Date;
  readonly updated_at: Date;
}

function endorsementOf(row: EndorsementRow): ProposalEndorsement {
  return {
    proposalId: row.proposal_id,
    operatorId: row.operator_id,
    comment: row.comment,
    signed: row.signed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The operator's endorsement, created or changed: `comment` and `signed` left undefined keep
 * their value (none and unsigned for a new one). Says whether it is new.
 */
export async function upsertEndorsement(
  tx: EntityManager,
  values: { proposalId: string; operatorId: string; comment: string | null | undefined; signed: boolean | undefined },
): Promise<boolean> {
  const rows: { created: boolean }[] = await tx.query(
    `INSERT INTO proposal_endorsement AS e (proposal_id, operator_id, comment, signed)
     VALUES ($1, $2, CASE WHEN $3 THEN $4 ELSE NULL END, coalesce($5, false))
     ON CONFLICT (proposal_id, operator_id) DO UPDATE SET
       comment = CASE WHEN $3 THEN $4 ELSE e.comment END,
       signed = coalesce($5, e.signed),
       updated_at = now()
     RETURNING (xmax = 0) AS created`,
    [values.proposalId, values.operatorId, values.comment !== undefined, values.comment ?? null, values.signed ?? null],
  );
  return rows[0]?.created ?? false;
}

/** Endorsements of the proposals, oldest first (ties by the random operator id). */
export async function endorsementsOf(
  manager: EntityManager,
  proposalIds: readonly string[],
): Promise<ProposalEndorsement[]> {
  if (proposalIds.length === 0) return [];
  const rows: EndorsementRow[] = await manager.query(
    `SELECT proposal_id, operator_id, comment, signed, created_at, updated_at FROM proposal_endorsement
     WHERE proposal_id = ANY($1::uuid[]) ORDER BY proposal_id, created_at, operator_id`,
    [proposalIds],
  );
  return rows.map(endorsementOf);
}

export function endorsementCounts(
  manager: EntityManager,
  proposalIds: readonly string[],
): Promise<Map<string, number>> {
  return rowsPerProposal(manager, 'proposal_endorsement', proposalIds);
}

/** How many rows of a proposal's child table each proposal has (0 for none). */
async function rowsPerProposal(
  manager: EntityManager,
  table: 'proposal_comment' | 'proposal_endorsement',
  proposalIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(proposalIds.map((id) => [id, 0]));
  if (proposalIds.length === 0) return counts;
  const rows: { proposal_id: string; count: number }[] = await manager.query(
    `SELECT proposal_id, count(*)::int AS count FROM ${table} WHERE proposal_id = ANY($1::uuid[]) GROUP BY proposal_id`,
    [proposalIds],
  );
  for (const row of rows) counts.set(row.proposal_id, row.count);
  return counts;
}
