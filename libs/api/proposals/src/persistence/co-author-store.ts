import type { EntityManager } from 'typeorm';
import type { CoAuthorStatus, ParticipantKind } from '../domain/proposal-status';

// Co-authors of proposals and their invitations.

export interface CoAuthor {
  readonly proposalId: string;
  readonly userId: string;
  readonly role: ParticipantKind;
  readonly status: CoAuthorStatus;
  readonly anonymous: boolean;
  readonly invitedBy: string | null;
  /** The pépin whose reporter was invited (anonymity allowed); null for an invitation by name. */
  readonly viaPepinId: string | null;
  readonly createdAt: Date;
  readonly respondedAt: Date | null;
}

interface CoAuthorRow {
  readonly proposal_id: string;
  readonly user_id: string;
  readonly role: ParticipantKind;
  readonly status: CoAuthorStatus;
  readonly anonymous: boolean;
  readonly invited_by: string | null;
  readonly via_pepin_id: string | null;
  readonly created_at: Date;
  readonly responded_at: Date | null;
}

const CO_AUTHOR_COLUMNS =
  'c.proposal_id, c.user_id, c.role, c.status, c.anonymous, c.invited_by, c.via_pepin_id, c.created_at, c.responded_at';

function coAuthorOf(row: CoAuthorRow): CoAuthor {
  return {
    proposalId: row.proposal_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    anonymous: row.anonymous,
    invitedBy: row.invited_by,
    viaPepinId: row.via_pepin_id,
    createdAt: row.created_at,
    respondedAt: row.responded_at,
  };
}

/** Co-authors of the proposals, in the order invited (ties by user id). */
export async function coAuthorsOf(manager: EntityManager, proposalIds: readonly string[]): Promise<CoAuthor[]> {
  if (proposalIds.length === 0) return [];
  const rows: CoAuthorRow[] = await manager.query(
    `SELECT ${CO_AUTHOR_COLUMNS} FROM proposal_co_author c WHERE c.proposal_id = ANY($1::uuid[])
     ORDER BY c.proposal_id, c.created_at, c.user_id`,
    [proposalIds],
  );
  return rows.map(coAuthorOf);
}

export async function findCoAuthor(tx: EntityManager, proposalId: string, userId: string): Promise<CoAuthor | null> {
  const rows: CoAuthorRow[] = await tx.query(
    `SELECT ${CO_AUTHOR_COLUMNS} FROM proposal_co_author c WHERE c.proposal_id = $1 AND c.user_id = $2`,
    [proposalId, userId],
  );
  return rows[0] ? coAuthorOf(rows[0]) : null;
}

/** A manager or admin who writes a revision is a co-author, whatever an invitation said. */
export async function ensureAcceptedCoAuthor(
  tx: EntityManager,
  proposalId: string,
  userId: string,
  role: ParticipantKind,
): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_co_author (proposal_id, user_id, role, status, anonymous, responded_at)
     VALUES ($1, $2, $3, 'ACCEPTED', false, now())
     ON CONFLICT (proposal_id, user_id) DO UPDATE SET status = 'ACCEPTED', responded_at = now()
     WHERE proposal_co_author.status <> 'ACCEPTED'`,
    [proposalId, userId, role],
  );
}

/**
 * A new invitation; false (nothing written) when the person was already invited, whatever
 * they answered. An invitation by name (`viaPepinId` null) turns a pending invitation "to
 * the reporter of" into one by name (the invitee then signs); never the other way round.
 */
export async function insertInvitation(
  tx: EntityManager,
  values: { proposalId: string; userId: string; role: ParticipantKind; invitedBy: string; viaPepinId: string | null },
): Promise<boolean> {
  const rows: { user_id: string }[] = await tx.query(
    `INSERT INTO proposal_co_author (proposal_id, user_id, role, status, anonymous, invited_by, via_pepin_id)
     VALUES ($1, $2, $3, 'INVITED', false, $4, $5)
     ON CONFLICT (proposal_id, user_id) DO UPDATE SET via_pepin_id = NULL, invited_by = EXCLUDED.invited_by
       WHERE EXCLUDED.via_pepin_id IS NULL AND proposal_co_author.status = 'INVITED'
         AND proposal_co_author.via_pepin_id IS NOT NULL
     RETURNING user_id`,
    [values.proposalId, values.userId, values.role, values.invitedBy, values.viaPepinId],
  );
  return rows.length > 0;
}

export async function answerInvitation(
  tx: EntityManager,
  proposalId: string,
  userId: string,
  status: CoAuthorStatus,
  anonymous: boolean,
): Promise<void> {
  await tx.query(
    `UPDATE proposal_co_author SET status = $3, anonymous = $4, responded_at = now() WHERE proposal_id = $1 AND user_id = $2`,
    [proposalId, userId, status, anonymous],
  );
}
