import { Check, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Columns } from '@pepite/api/database';

/**
 * One line of the audit log: who did what to which object, when. Append-only: written by
 * `AuditLog.record` in the acting context's transaction, never updated or deleted (a
 * trigger of the migration refuses UPDATE, DELETE and TRUNCATE).
 */
@Entity('audit_entry')
@Check(`"actor_role" IN ('OPERATOR', 'MANAGER', 'ADMIN', 'SYSTEM')`)
// The system has no id; managers and admins always have theirs.
@Check(`("actor_role" = 'SYSTEM') = ("actor_id" IS NULL) OR "actor_role" = 'OPERATOR'`)
// Each filter, newest first: PostgreSQL walks these backwards for ORDER BY id DESC.
@Index(['subjectType', 'subjectId', 'id'])
@Index(['actorId', 'id'])
@Index(['action', 'id'])
// A time window.
@Index(['at'])
export class AuditEntryEntity {
  /** Insertion order, which is the order of the log. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Columns.Timestamp({ default: () => 'now()' }) at!: Date;

  /** Null for the system, and for an operator who did not sign (anonymity). */
  @Columns.Uuid({ nullable: true }) actorId!: string | null;
  @Columns.Varchar(16) actorRole!: string;
  @Columns.Varchar(80) action!: string;
  @Columns.Varchar(40) subjectType!: string;
  @Columns.Varchar(80) subjectId!: string;
  @Columns.Text() summaryFr!: string;
  @Columns.Text() summaryEn!: string;
  @Columns.Jsonb() details!: Record<string, unknown>;
  @Columns.Varchar(80, { nullable: true }) requestId!: string | null;
}
