import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '@pepite/api/notifications';

export const PROPOSAL_SUBJECT = 'PROPOSAL';

/** The proposal as notifications name it. */
export interface ProposalSubject {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
}

/**
 * Tells people about a proposal, in the caller's transaction. No text names an operator
 * who did not choose to be named.
 */
@Injectable()
export class ProposalNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  invited(manager: EntityManager, proposal: ProposalSubject, inviteeId: string, inviter: string): Promise<void> {
    return this.send(manager, proposal, [inviteeId], 'PROPOSAL_CO_AUTHOR_INVITED', { inviterName: inviter });
  }

  /** To the reporter of a linked pépin; the inviter does not know who they are (no inviter named). */
  invitedAsReporter(
    manager: EntityManager,
    proposal: ProposalSubject,
    inviteeId: string,
    pepinReference: string,
  ): Promise<void> {
    return this.send(manager, proposal, [inviteeId], 'PROPOSAL_CO_AUTHOR_INVITED', { asReporterOf: pepinReference });
  }

  revised(
    manager: EntityManager,
    proposal: ProposalSubject,
    recipientIds: readonly string[],
    revision: number,
  ): Promise<void> {
    return this.send(manager, proposal, recipientIds, 'PROPOSAL_REVISED', { revision });
  }

  replied(manager: EntityManager, proposal: ProposalSubject, recipientId: string, revision: number): Promise<void> {
    return this.send(manager, proposal, [recipientId], 'PROPOSAL_COMMENT_REPLIED', { revision });
  }

  private async send(
    manager: EntityManager,
    proposal: ProposalSubject,
    recipientIds: readonly string[],
    kind: string,
    params: Record<string, string | number> = {},
  ): Promise<void> {
    if (recipientIds.length === 0) return;
    await this.notifications.notify(
      {
        recipientIds,
        kind,
        subjectType: PROPOSAL_SUBJECT,
        subjectId: proposal.id,
        params: { reference: proposal.reference, title: proposal.title, ...params },
      },
      manager,
    );
  }
}
