import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Translated } from '@pepite/api/errors';
import { NotificationsService } from '@pepite/api/notifications';

export const PROPOSAL_SUBJECT = 'PROPOSAL';

/** The proposal as notifications name it. */
export interface ProposalSubject {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
}

function named(proposal: ProposalSubject): Translated {
  const title = [...proposal.title].length > 60 ? `${[...proposal.title].slice(0, 60).join('')}…` : proposal.title;
  return { fr: `${proposal.reference} « ${title} »`, en: `${proposal.reference} “${title}”` };
}

/**
 * Tells people about a proposal, in the caller's transaction. No text names an operator
 * who did not choose to be named.
 */
@Injectable()
export class ProposalNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  invited(manager: EntityManager, proposal: ProposalSubject, inviteeId: string, inviter: string): Promise<void> {
    const name = named(proposal);
    return this.send(manager, proposal, [inviteeId], 'PROPOSAL_CO_AUTHOR_INVITED', {
      fr: `${inviter} vous invite par votre nom à co-écrire la proposition ${name.fr}. En acceptant, vous la co-signez de votre nom.`,
      en: `${inviter} invites you by name to co-author proposal ${name.en}. If you accept, you co-sign it under your name.`,
    });
  }

  /** To the reporter of a linked pépin; the inviter does not know who they are. */
  invitedAsReporter(
    manager: EntityManager,
    proposal: ProposalSubject,
    inviteeId: string,
    pepinReference: string,
  ): Promise<void> {
    const name = named(proposal);
    return this.send(manager, proposal, [inviteeId], 'PROPOSAL_CO_AUTHOR_INVITED', {
      fr: `Les managers invitent l’auteur du pépin ${pepinReference} à co-écrire la proposition ${name.fr}, sans savoir qui vous êtes. Vous pouvez accepter en restant anonyme.`,
      en: `The managers invite the reporter of pépin ${pepinReference} to co-author proposal ${name.en}, without knowing who you are. You may accept and stay anonymous.`,
    });
  }

  revised(
    manager: EntityManager,
    proposal: ProposalSubject,
    recipientIds: readonly string[],
    revision: number,
  ): Promise<void> {
    const name = named(proposal);
    return this.send(
      manager,
      proposal,
      recipientIds,
      'PROPOSAL_REVISED',
      {
        fr: `La proposition ${name.fr} que vous co-écrivez a une nouvelle révision (n° ${revision}).`,
        en: `Proposal ${name.en}, which you co-author, has a new revision (#${revision}).`,
      },
      { revision },
    );
  }

  replied(manager: EntityManager, proposal: ProposalSubject, recipientId: string, revision: number): Promise<void> {
    const name = named(proposal);
    return this.send(
      manager,
      proposal,
      [recipientId],
      'PROPOSAL_COMMENT_REPLIED',
      {
        fr: `Quelqu’un a répondu à votre commentaire sur la proposition ${name.fr}.`,
        en: `Someone replied to your comment on proposal ${name.en}.`,
      },
      { revision },
    );
  }

  private async send(
    manager: EntityManager,
    proposal: ProposalSubject,
    recipientIds: readonly string[],
    kind: string,
    text: Translated,
    params: Record<string, string | number> = {},
  ): Promise<void> {
    if (recipientIds.length === 0) return;
    await this.notifications.notify(
      {
        recipientIds,
        kind,
        text,
        subjectType: PROPOSAL_SUBJECT,
        subjectId: proposal.id,
        params: { reference: proposal.reference, ...params },
      },
      manager,
    );
  }
}
