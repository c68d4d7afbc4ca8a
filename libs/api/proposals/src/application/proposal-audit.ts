import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import type { Translated } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';

export const PROPOSAL_AUDIT_SUBJECT = 'PROPOSAL';

/** What the proposals context writes in the audit log. */
export type ProposalAuditAction =
  | 'PROPOSAL_CREATED'
  | 'PROPOSAL_REVISED'
  | 'PROPOSAL_COMMENTED'
  | 'PROPOSAL_ENDORSED'
  | 'CO_AUTHOR_INVITED'
  | 'CO_AUTHOR_ACCEPTED'
  | 'CO_AUTHOR_DECLINED';

export interface ProposalAuditEntry {
  readonly action: ProposalAuditAction;
  readonly actor: AuthenticatedUser;
  /**
   * An operator chose to show their name on this act (a signed comment or endorsement, a
   * named co-author). Otherwise the entry says "an operator" and carries no id of theirs.
   */
  readonly named: boolean;
  readonly proposalId: string;
  readonly summary: Translated;
  readonly details?: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}

/**
 * Writes the audit line of a proposal use case in its transaction. An operator who did not
 * choose to be named is never passed as the actor (the audit context would drop the id
 * anyway; this context does not hand it over in the first place).
 */
@Injectable()
export class ProposalAudit {
  constructor(private readonly log: AuditLog) {}

  async record(manager: EntityManager, entry: ProposalAuditEntry): Promise<void> {
    const operator = entry.actor.role === Role.OPERATOR;
    await this.log.record(
      {
        actorRole: entry.actor.role,
        actorId: operator && !entry.named ? null : entry.actor.id,
        signed: operator ? entry.named : undefined,
        action: entry.action,
        subjectType: PROPOSAL_AUDIT_SUBJECT,
        subjectId: entry.proposalId,
        summary: entry.summary,
        details: entry.details ?? {},
      },
      manager,
    );
  }
}
