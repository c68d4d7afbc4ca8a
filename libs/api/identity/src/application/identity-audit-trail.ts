import type { EntityManager } from 'typeorm';

/** One line of the audit log about sign-ins, sessions, identities and group mappings. */
export interface IdentityAuditEntry {
  readonly actorRole: 'ADMIN' | 'SYSTEM';
  /** The admin who acted; none for SYSTEM (a sign-in refused, a reuse detected). */
  readonly actorId?: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly summary: { readonly fr: string; readonly en: string };
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Where the identity context writes its audit lines. The audit context depends on this one,
 * so the composition root provides the implementation (apps/api, onto AuditLog); with a
 * manager, the line commits or rolls back with the change it records.
 */
export abstract class IdentityAuditTrail {
  abstract record(entry: IdentityAuditEntry, manager?: EntityManager): Promise<void>;
}
