import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinQueries } from '@pepite/api/pepins';
import { referenceOf } from '../domain/proposal';
import { CoAuthorStatus, isClosed, ParticipantKind } from '../domain/proposal-status';
import { ProposalErrors } from '../proposals.errors';
import { answerInvitation, findCoAuthor, insertInvitation } from '../persistence/co-author-store';
import { lockProposal, pepinIdsOf } from '../persistence/proposal-store';
import { ProposalAudit } from './proposal-audit';
import { ProposalNotifier } from './proposal-notifier';
import { canManage, canSee, participantKindOf, proposalView, viewerOf, type ProposalView } from './proposal-views';

/**
 * Co-author invitations. The rule (SECURITY.md, "Co-authors"): a person invited by name
 * co-authors under that name, since the inviter knows whom they invited and would see an
 * anonymous co-author appear; only "the reporter of PEP-…", invited without the inviter
 * learning who that is, may co-author anonymously. Every invitation answers the same
 * whether it changed anything or not, and pending or declined operator invitations are
 * shown to nobody but the invitee.
 */
@Injectable()
export class CoAuthorInvitations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pepins: PepinQueries,
    private readonly directory: UserDirectoryService,
    private readonly notifier: ProposalNotifier,
    private readonly audit: ProposalAudit,
  ) {}

  /**
   * A manager of the site (or an admin) invites a manager or an operator of the site, by
   * name, to co-author. Inviting someone already invited changes nothing and says the same.
   */
  async inviteCoAuthor(actor: AuthenticatedUser, proposalId: string, userId: string): Promise<ProposalView> {
    assertManagerOrAdmin(actor);
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    if (userId.toLowerCase() === actor.id.toLowerCase()) throw ProposalErrors.inviteSelf();
    return this.dataSource.transaction(async (tx) => {
      const proposal = await lockProposal(tx, proposalId, 'UPDATE');
      if (!proposal || !canManage(actor, proposal.siteId)) throw ProposalErrors.notFound();
      const reference = referenceOf(proposal);
      if (isClosed(proposal.status)) throw ProposalErrors.closed({ reference, status: proposal.status });
      const invitee = await this.directory.getUser(userId);
      if (!invitee || !invitee.active || invitee.siteId !== proposal.siteId) throw ProposalErrors.inviteeNotFound();
      const role = participantKindOf(invitee.role);
      const values = { proposalId: proposal.id, userId: invitee.id, role, invitedBy: actor.id, viaPepinId: null };
      if (await insertInvitation(tx, values)) {
        const subject = { id: proposal.id, reference, title: proposal.title };
        await this.notifier.invited(tx, subject, invitee.id, actor.displayName);
        await this.audit.record(tx, {
          action: 'CO_AUTHOR_INVITED',
          actor,
          named: true,
          proposalId: proposal.id,
          summary: {
            fr: `${invitee.displayName} invité·e à co-écrire la proposition ${reference}.`,
            en: `${invitee.displayName} invited to co-author proposal ${reference}.`,
          },
          details: { reference, inviteeId: invitee.id, inviteeRole: role },
        });
      }
      return proposalView(proposal, viewerOf(actor));
    });
  }

  /**
   * A manager of the site (or an admin) invites the reporter of one of the proposal's
   * pépins without learning who they are. The answer is the same whoever the reporter is
   * (an operator already invited, already co-author, gone, or the caller's own pépin):
   * nothing in it, nor in the audit line, names or counts them.
   */
  async inviteReporter(actor: AuthenticatedUser, proposalId: string, pepinId: string): Promise<ProposalView> {
    assertManagerOrAdmin(actor);
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    return this.dataSource.transaction(async (tx) => {
      const proposal = await lockProposal(tx, proposalId, 'UPDATE');
      if (!proposal || !canManage(actor, proposal.siteId)) throw ProposalErrors.notFound();
      const reference = referenceOf(proposal);
      if (isClosed(proposal.status)) throw ProposalErrors.closed({ reference, status: proposal.status });
      const linked = (await pepinIdsOf(tx, [proposal.id])).get(proposal.id) ?? [];
      const id = isUuid(pepinId) ? pepinId.toLowerCase() : '';
      if (!linked.includes(id)) throw ProposalErrors.pepinNotAnswered();
      const pepinReference = (await this.pepins.links([id])).get(id)?.reference ?? '';
      const reporterId = (await this.pepins.reporterIdsOf([id])).get(id);
      const reporter = reporterId ? await this.directory.getUser(reporterId) : null;
      const reachable =
        reporter && reporter.active && reporter.role === Role.OPERATOR && reporter.siteId === proposal.siteId;
      if (reachable) {
        const values = {
          proposalId: proposal.id,
          userId: reporter.id,
          role: ParticipantKind.OPERATOR,
          invitedBy: actor.id,
          viaPepinId: id,
        };
        if (await insertInvitation(tx, values)) {
          const subject = { id: proposal.id, reference, title: proposal.title };
          await this.notifier.invitedAsReporter(tx, subject, reporter.id, pepinReference);
        }
      }
      // The same line whether an invitation was written or not: the log must not tell either.
      await this.audit.record(tx, {
        action: 'CO_AUTHOR_INVITED',
        actor,
        named: true,
        proposalId: proposal.id,
        summary: {
          fr: `L’auteur du pépin ${pepinReference} invité à co-écrire la proposition ${reference}.`,
          en: `The reporter of pépin ${pepinReference} invited to co-author proposal ${reference}.`,
        },
        details: { reference, asReporterOf: pepinReference },
      });
      return proposalView(proposal, viewerOf(actor));
    });
  }

  /**
   * The invitee accepts or declines. An operator invited as a pépin's reporter stays
   * anonymous unless `anonymous` is false (their revisions then read "co-author
   * (operator)"); one invited by name co-signs under that name (`anonymous: true` refused).
   */
  async respondToCoAuthorInvitation(
    actor: AuthenticatedUser,
    proposalId: string,
    accept: boolean,
    anonymous?: boolean | null,
  ): Promise<ProposalView> {
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    const operator = actor.role === Role.OPERATOR;
    if (!operator && anonymous === true) throw ProposalErrors.anonymityForOperators();
    return this.dataSource.transaction(async (tx) => {
      const proposal = await lockProposal(tx, proposalId, 'UPDATE');
      if (!proposal || !canSee(actor, proposal.siteId)) throw ProposalErrors.notFound();
      const invitation = await findCoAuthor(tx, proposal.id, actor.id);
      if (!invitation) throw ProposalErrors.noInvitation();
      if (invitation.status !== CoAuthorStatus.INVITED)
        throw ProposalErrors.invitationAnswered({ status: invitation.status });
      const reference = referenceOf(proposal);
      if (isClosed(proposal.status)) throw ProposalErrors.closed({ reference, status: proposal.status });
      const asReporter = invitation.viaPepinId !== null;
      if (accept && anonymous === true && !asReporter) throw ProposalErrors.anonymityNeedsReporterInvitation();
      const staysAnonymous = operator && accept && asReporter && anonymous !== false;
      const status = accept ? CoAuthorStatus.ACCEPTED : CoAuthorStatus.DECLINED;
      await answerInvitation(tx, proposal.id, actor.id, status, staysAnonymous);
      const named = !staysAnonymous;
      const who = operator
        ? named
          ? { fr: `L’opérateur ${actor.displayName}`, en: `Operator ${actor.displayName}` }
          : { fr: 'Un opérateur (anonyme)', en: 'An (anonymous) operator' }
        : { fr: actor.displayName, en: actor.displayName };
      await this.audit.record(tx, {
        action: accept ? 'CO_AUTHOR_ACCEPTED' : 'CO_AUTHOR_DECLINED',
        actor,
        named,
        proposalId: proposal.id,
        summary: accept
          ? { fr: `${who.fr} co-écrit la proposition ${reference}.`, en: `${who.en} co-authors proposal ${reference}.` }
          : {
              fr: `${who.fr} a décliné l’invitation à co-écrire la proposition ${reference}.`,
              en: `${who.en} declined the invitation to co-author proposal ${reference}.`,
            },
        details: { reference, anonymous: staysAnonymous },
      });
      return proposalView(proposal, viewerOf(actor));
    });
  }
}

function assertManagerOrAdmin(actor: AuthenticatedUser): void {
  if (actor.role !== Role.MANAGER && actor.role !== Role.ADMIN) throw CommonErrors.forbidden();
}
