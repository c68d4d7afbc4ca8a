import type { EntityManager } from 'typeorm';
import type { Proposal } from '../domain/proposal';
import type { ProposalStatus } from '../domain/proposal-status';

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
