import type { EntityManager } from 'typeorm';
import type { ProposalRevision } from '../domain/proposal';
import type { ParticipantKind } from '../domain/proposal-status';
import type { ProposedRuleChange } from '../domain/rule-changes';

// The revisions of proposals, numbered from 1 within each proposal.

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
