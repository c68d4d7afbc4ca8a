import type { EntityManager } from 'typeorm';
import type { Proposal, ProposalRevision } from '../domain/proposal';
import type { CoAuthorStatus, ParticipantKind, ProposalStatus } from '../domain/proposal-status';
import type { ProposedRuleChange } from '../domain/rule-changes';

// The proposals context's tables in SQL. Other contexts never read them: they call the
// context's services.

const PROPOSAL_COLUMNS = `p.id, p.number::text AS number, p.site_id, p.title, p.rationale, p.status, p.current_revision,
  p.created_by, p.created_at, p.updated_at`;

interface ProposalRow {
  readonly id: string;
  readonly number: string;
  readonly site_id: string;
  readonly title: string;
  readonly rationale: string;
  readonly status: ProposalStatus;
  readonly current_revision: number;
  readonly created_by: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

function proposalOf(row: ProposalRow): Proposal {
  return {
    id: row.id,
    number: row.number,
    siteId: row.site_id,
    title: row.title,
    rationale: row.rationale,
    status: row.status,
    currentRevision: row.current_revision,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertProposal(
  tx: EntityManager,
  values: { siteId: string; title: string; rationale: string; status: ProposalStatus; createdBy: string },
): Promise<Proposal> {
  const rows: ProposalRow[] = await tx.query(
    `INSERT INTO proposal AS p (site_id, title, rationale, status, current_revision, created_by)
     VALUES ($1, $2, $3, $4, 1, $5) RETURNING ${PROPOSAL_COLUMNS}`,
    [values.siteId, values.title, values.rationale, values.status, values.createdBy],
  );
  return proposalOf(rows[0] as ProposalRow);
}

export async function findProposals(manager: EntityManager, ids: readonly string[]): Promise<Proposal[]> {
  if (ids.length === 0) return [];
  const rows: ProposalRow[] = await manager.query(
    `SELECT ${PROPOSAL_COLUMNS} FROM proposal p WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map(proposalOf);
}

/** The proposal, locked for the rest of the transaction: UPDATE to change it, SHARE to add to it. */
export async function lockProposal(tx: EntityManager, id: string, mode: 'UPDATE' | 'SHARE'): Promise<Proposal | null> {
  const rows: ProposalRow[] = await tx.query(
    `SELECT ${PROPOSAL_COLUMNS} FROM proposal p WHERE p.id = $1 FOR ${mode === 'UPDATE' ? 'UPDATE' : 'SHARE'}`,
    [id],
  );
  return rows[0] ? proposalOf(rows[0]) : null;
}

/** Locks several proposals in id order (no deadlock between two callers locking the same set). */
export async function lockProposals(tx: EntityManager, ids: readonly string[]): Promise<Map<string, Proposal>> {
  if (ids.length === 0) return new Map();
  const rows: ProposalRow[] = await tx.query(
    `SELECT ${PROPOSAL_COLUMNS} FROM proposal p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, proposalOf(row)]));
}

export async function updateProposal(
  tx: EntityManager,
  id: string,
  patch: { status?: ProposalStatus; currentRevision?: number; title?: string; rationale?: string },
): Promise<void> {
  await tx.query(
    `UPDATE proposal SET status = coalesce($2, status), current_revision = coalesce($3, current_revision),
       title = coalesce($4, title), rationale = coalesce($5, rationale), updated_at = now()
     WHERE id = $1`,
    [id, patch.status ?? null, patch.currentRevision ?? null, patch.title ?? null, patch.rationale ?? null],
  );
}

export interface ProposalScope {
  /** Null: every site (admins). */
  readonly siteId: string | null;
  readonly status: ProposalStatus | null;
}

function scopeClause(scope: ProposalScope, parameters: unknown[]): string {
  const clauses: string[] = [];
  if (scope.siteId !== null) {
    parameters.push(scope.siteId);
    clauses.push(`p.site_id = $${parameters.length}`);
  }
  if (scope.status !== null) {
    parameters.push(scope.status);
    clauses.push(`p.status = $${parameters.length}`);
  }
  return clauses.length > 0 ? clauses.join(' AND ') : 'TRUE';
}

/** Newest first, after the proposal numbered `afterNumber` when given. */
export async function proposalPage(
  manager: EntityManager,
  scope: ProposalScope,
  limit: number,
  afterNumber: string | null,
): Promise<Proposal[]> {
  const parameters: unknown[] = [];
  let where = scopeClause(scope, parameters);
  if (afterNumber !== null) {
    parameters.push(afterNumber);
    where += ` AND p.number < $${parameters.length}::bigint`;
  }
  parameters.push(limit);
  const rows: ProposalRow[] = await manager.query(
    `SELECT ${PROPOSAL_COLUMNS} FROM proposal p WHERE ${where} ORDER BY p.number DESC LIMIT $${parameters.length}`,
    parameters,
  );
  return rows.map(proposalOf);
}

export async function proposalCount(manager: EntityManager, scope: ProposalScope): Promise<number> {
  const parameters: unknown[] = [];
  const rows: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM proposal p WHERE ${scopeClause(scope, parameters)}`,
    parameters,
  );
  return rows[0]?.count ?? 0;
}

// Pépins answered.

export async function insertPepinLinks(
  tx: EntityManager,
  proposalId: string,
  pepinIds: readonly string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_pepin (proposal_id, pepin_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [proposalId, pepinIds],
  );
}

/** The pépin ids of each proposal, in a stable order. */
export async function pepinIdsOf(
  manager: EntityManager,
  proposalIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byProposal = new Map<string, string[]>(proposalIds.map((id) => [id, []]));
  if (proposalIds.length === 0) return byProposal;
  const rows: { proposal_id: string; pepin_id: string }[] = await manager.query(
    `SELECT proposal_id, pepin_id FROM proposal_pepin WHERE proposal_id = ANY($1::uuid[]) ORDER BY proposal_id, pepin_id`,
    [proposalIds],
  );
  for (const row of rows) byProposal.get(row.proposal_id)?.push(row.pepin_id);
  return byProposal;
}

// Revisions.

interface RevisionRow {
  readonly proposal_id: string;
  readonly number: number;
  readonly note: string | null;
  readonly title: string;
  readonly rationale: string;
  readonly changes: ProposedRuleChange[];
  readonly base_release: number;
  readonly author_id: string;
  readonly author_role: ParticipantKind;
  readonly author_named: boolean;
  readonly created_at: Date;
}

const REVISION_COLUMNS = `r.proposal_id, r.number, r.note, r.title, r.rationale, r.changes, r.base_release, r.author_id,
  r.author_role, r.author_named, r.created_at`;

function revisionOf(row: RevisionRow): ProposalRevision {
  return {
    proposalId: row.proposal_id,
    number: row.number,
    note: row.note,
    title: row.title,
    rationale: row.rationale,
    changes: row.changes,
    baseRelease: row.base_release,
    authorId: row.author_id,
    authorRole: row.author_role,
    authorNamed: row.author_named,
    createdAt: row.created_at,
  };
}

export async function insertRevision(tx: EntityManager, revision: Omit<ProposalRevision, 'createdAt'>): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_revision (proposal_id, number, note, title, rationale, changes, base_release, author_id, author_role, author_named)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`,
    [
      revision.proposalId,
      revision.number,
      revision.note,
      revision.title,
      revision.rationale,
      JSON.stringify(revision.changes),
      revision.baseRelease,
      revision.authorId,
      revision.authorRole,
      revision.authorNamed,
    ],
  );
}

/** Every revision of the proposals, oldest first. */
export async function revisionsOf(manager: EntityManager, proposalIds: readonly string[]): Promise<ProposalRevision[]> {
  if (proposalIds.length === 0) return [];
  const rows: RevisionRow[] = await manager.query(
    `SELECT ${REVISION_COLUMNS} FROM proposal_revision r WHERE r.proposal_id = ANY($1::uuid[]) ORDER BY r.proposal_id, r.number`,
    [proposalIds],
  );
  return rows.map(revisionOf);
}

export async function findRevision(
  manager: EntityManager,
  proposalId: string,
  number: number,
): Promise<ProposalRevision | null> {
  const rows: RevisionRow[] = await manager.query(
    `SELECT ${REVISION_COLUMNS} FROM proposal_revision r WHERE r.proposal_id = $1 AND r.number = $2`,
    [proposalId, number],
  );
  return rows[0] ? revisionOf(rows[0]) : null;
}

// Co-authors.

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

// Comments.

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

export function endorsementCounts(manager: EntityManager, proposalIds: readonly string[]): Promise<Map<string, number>> {
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
