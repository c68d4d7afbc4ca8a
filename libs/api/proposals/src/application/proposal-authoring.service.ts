import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock, findIdempotent, isUuid, runIdempotent, type IdempotentRequest } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { PepinQueries, PepinStatus, PepinTriage, SYSTEM_ACTOR } from '@pepite/api/pepins';
import { referenceOf, type Proposal } from '../domain/proposal';
import { CoAuthorStatus, ParticipantKind, ProposalStatus, statusAfterRevision } from '../domain/proposal-status';
import { calendarDateIn, PROPOSAL_LIMITS, readText, TEXT_LABELS, type TextProblem } from '../domain/proposal-text';
import { changeKeyOf, resolveChanges, type ProposedRuleChange, type RuleChangeRequest } from '../domain/rule-changes';
import { invalidProposalInput, ProposalErrors, type InputProblem } from '../proposals.errors';
import { coAuthorsOf, ensureAcceptedCoAuthor, findCoAuthor } from '../persistence/co-author-store';
import {
  findProposals,
  insertPepinLinks,
  insertProposal,
  lockProposal,
  pepinIdsOf,
  updateProposal,
} from '../persistence/proposal-store';
import { insertRevision } from '../persistence/revision-store';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import { ProposalAudit } from './proposal-audit';
import { ProposalNotifier } from './proposal-notifier';
import { canManage, canSee, participantKindOf, proposalView, viewerOf, type ProposalView } from './proposal-views';
import { PublishedRules } from './published-rules';

/** docs/design.md `CreateProposalInput`. */
export interface CreateProposalCommand {
  readonly pepinIds: readonly string[];
  readonly title: string;
  readonly rationale: string;
  readonly changes: readonly RuleChangeRequest[];
  /** A retry with the same key returns the proposal the first attempt created (24 h). */
  readonly idempotencyKey?: string | null;
}

/** A new revision: the whole set of changes again, and why it changed. */
export interface ReviseProposalCommand {
  readonly note: string;
  readonly changes: readonly RuleChangeRequest[];
  /** Unchanged when omitted. */
  readonly title?: string | null;
  readonly rationale?: string | null;
}

/**
 * Writing proposals: create one from acknowledged pépins, and revise it (co-author
 * invitations are `CoAuthorInvitations`).
 * One transaction per use case, the proposal row locked before its state is read; the
 * pépins move, the notifications and the audit line commit with it or not at all.
 */
@Injectable()
export class ProposalAuthoring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly triage: PepinTriage,
    private readonly pepins: PepinQueries,
    private readonly rules: PublishedRules,
    private readonly directory: UserDirectoryService,
    private readonly clock: Clock,
    private readonly notifier: ProposalNotifier,
    private readonly audit: ProposalAudit,
  ) {}

  /**
   * A manager of the pépins' site (or an admin) proposes rule changes answering one or
   * more ACKNOWLEDGED pépins of one site; they move to IN_DESIGN (their reporters and
   * supporters are told by the pépins context). Revision 1 is written with the changes
   * resolved against the latest release.
   */
  async createProposal(actor: AuthenticatedUser, command: CreateProposalCommand): Promise<ProposalView> {
    assertManagerOrAdmin(actor);
    const idempotent = this.idempotentCreation(actor, command);
    if (idempotent) {
      const earlier = await findIdempotent<{ proposalId: string }>(
        this.dataSource.manager,
        idempotent,
        idempotencyConflict,
      );
      if (earlier) return this.createdEarlier(actor, earlier.proposalId);
    }
    const problems: InputProblem[] = [];
    const title = collect(problems, readText('title', TEXT_LABELS.title, command.title, PROPOSAL_LIMITS.title));
    const rationale = collect(
      problems,
      readText('rationale', TEXT_LABELS.rationale, command.rationale, PROPOSAL_LIMITS.rationale),
    );
    const pepinIds = [...new Set(command.pepinIds.map((id) => id.trim().toLowerCase()))];
    if (pepinIds.length === 0) {
      problems.push({
        field: 'pepinIds',
        reason: 'REQUIRED',
        fr: 'Une proposition répond à au moins un pépin reconnu.',
        en: 'A proposal answers at least one acknowledged pépin.',
      });
    } else if (pepinIds.length > PROPOSAL_LIMITS.pepins.max) {
      problems.push({
        field: 'pepinIds',
        reason: 'TOO_MANY',
        fr: `Une proposition répond à au plus ${PROPOSAL_LIMITS.pepins.max} pépins.`,
        en: `A proposal answers at most ${PROPOSAL_LIMITS.pepins.max} pépins.`,
      });
    }
    const published = await this.rules.latest();
    const resolved = resolveChanges(command.changes, published.rules, await this.today(actor));
    problems.push(...resolved.problems);
    if (problems.length > 0 || !resolved.changes || title === null || rationale === null) {
      throw invalidProposalInput('proposal', problems);
    }
    const changes = resolved.changes;
    // The site is the pépins' (a manager's own; an admin's, that of the first pépin).
    const siteId =
      actor.role === Role.ADMIN ? (await this.pepins.pepin(actor, pepinIds[0] as string)).siteId : actor.siteId;

    const create = async (tx: EntityManager): Promise<ProposalView> => {
      const proposal = await insertProposal(tx, {
        siteId,
        title,
        rationale,
        status: ProposalStatus.IN_DESIGN,
        createdBy: actor.id,
      });
      const reference = referenceOf(proposal);
      // All of them or none; ILLEGAL_TRANSITION names a pépin that is not ACKNOWLEDGED, and a
      // pépin of another site is NOT_FOUND for a manager.
      const moved = await this.triage.moveToStatus(
        pepinIds,
        PepinStatus.IN_DESIGN,
        actor,
        `${reference} — ${title}`,
        tx,
        { notice: { proposalReference: reference } },
      );
      if (moved.some((pepin) => pepin.siteId !== siteId)) throw ProposalErrors.pepinsOnSeveralSites();
      await insertPepinLinks(tx, proposal.id, pepinIds);
      await insertRevision(tx, {
        proposalId: proposal.id,
        number: 1,
        note: null,
        title,
        rationale,
        changes,
        baseRelease: published.version,
        authorId: actor.id,
        authorRole: participantKindOf(actor.role),
        authorNamed: true,
      });
      await ensureAcceptedCoAuthor(tx, proposal.id, actor.id, participantKindOf(actor.role));
      await this.audit.record(tx, {
        action: 'PROPOSAL_CREATED',
        actor,
        named: true,
        proposalId: proposal.id,
        summary: {
          fr: `Proposition ${reference} créée : ${summaryOf(changes)} ; pépins ${moved.map((p) => p.reference).join(', ')}.`,
          en: `Proposal ${reference} created: ${summaryOf(changes)}; pépins ${moved.map((p) => p.reference).join(', ')}.`,
        },
        details: {
          reference,
          revision: 1,
          baseRelease: published.version,
          pepinIds: moved.map((pepin) => pepin.id),
          rules: changes.map((change) => `${change.kind} ${changeKeyOf(change)}`),
        },
      });
      return proposalView(proposal, viewerOf(actor));
    };
    if (!idempotent) return this.dataSource.transaction(create);
    const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
      const view = await create(tx);
      return { value: view, result: { proposalId: view.id } };
    });
    return outcome.replayed ? this.createdEarlier(actor, outcome.result.proposalId) : outcome.value;
  }

  /** The idempotency record of a keyed creation (the pépins as a set); a malformed key is BAD_USER_INPUT. */
  private idempotentCreation(actor: AuthenticatedUser, command: CreateProposalCommand): IdempotentRequest | null {
    const { idempotencyKey, ...request } = command;
    const pepinIds = [...new Set(request.pepinIds.map((id) => id.trim().toLowerCase()))].sort();
    return keyedRequest('createProposal', actor, idempotencyKey, { ...request, pepinIds });
  }

  /** What a retry gets: the proposal the first attempt created, as it is now. */
  private async createdEarlier(actor: AuthenticatedUser, proposalId: string): Promise<ProposalView> {
    const [proposal] = await findProposals(this.dataSource.manager, [proposalId]);
    if (!proposal) throw ProposalErrors.notFound();
    return proposalView(proposal, viewerOf(actor));
  }

  /**
   * A new revision with a note: the whole set of changes again (AMEND fields left out keep
   * the latest release's wording), and the title or rationale when given. Managers of the
   * site, admins, and operators who accepted to co-author. Refused during a vote
   * (ILLEGAL_TRANSITION) and once closed; a rejected or approved proposal goes back to
   * design (and its pépins still IN_VOTE with it).
   */
  async reviseProposal(
    actor: AuthenticatedUser,
    proposalId: string,
    command: ReviseProposalCommand,
  ): Promise<ProposalView> {
    if (!isUuid(proposalId)) throw ProposalErrors.notFound();
    const problems: InputProblem[] = [];
    const note = collect(problems, readText('note', TEXT_LABELS.note, command.note, PROPOSAL_LIMITS.note));
    const title = optional(problems, command.title, (text) =>
      readText('title', TEXT_LABELS.title, text, PROPOSAL_LIMITS.title),
    );
    const rationale = optional(problems, command.rationale, (text) =>
      readText('rationale', TEXT_LABELS.rationale, text, PROPOSAL_LIMITS.rationale),
    );
    const published = await this.rules.latest();
    const resolved = resolveChanges(command.changes, published.rules, await this.today(actor));
    problems.push(...resolved.problems);
    if (problems.length > 0 || !resolved.changes || note === null) throw invalidProposalInput('revision', problems);
    const changes = resolved.changes;

    return this.dataSource.transaction(async (tx) => {
      const proposal = await lockProposal(tx, proposalId, 'UPDATE');
      if (!proposal || !canSee(actor, proposal.siteId)) throw ProposalErrors.notFound();
      const named = await this.assertMayRevise(tx, actor, proposal);
      const next = statusAfterRevision(proposal.status);
      if (next === null)
        throw ProposalErrors.notRevisable({ reference: referenceOf(proposal), status: proposal.status });
      const number = proposal.currentRevision + 1;
      const newTitle = title ?? proposal.title;
      const newRationale = rationale ?? proposal.rationale;
      await insertRevision(tx, {
        proposalId: proposal.id,
        number,
        note,
        title: newTitle,
        rationale: newRationale,
        changes,
        baseRelease: published.version,
        authorId: actor.id,
        authorRole: participantKindOf(actor.role),
        authorNamed: named,
      });
      await updateProposal(tx, proposal.id, {
        status: next,
        currentRevision: number,
        title: newTitle,
        rationale: newRationale,
      });
      if (actor.role !== Role.OPERATOR) {
        await ensureAcceptedCoAuthor(tx, proposal.id, actor.id, participantKindOf(actor.role));
      }
      if (next !== proposal.status) await this.backToDesign(tx, actor, proposal);
      const reference = referenceOf(proposal);
      const subject = { id: proposal.id, reference, title: newTitle };
      const coAuthors = await coAuthorsOf(tx, [proposal.id]);
      const others = coAuthors
        .filter((coAuthor) => coAuthor.status === CoAuthorStatus.ACCEPTED && coAuthor.userId !== actor.id)
        .map((coAuthor) => coAuthor.userId);
      await this.notifier.revised(tx, subject, others, number);
      await this.audit.record(tx, {
        action: 'PROPOSAL_REVISED',
        actor,
        named,
        proposalId: proposal.id,
        summary: {
          fr: `Proposition ${reference} révisée (révision ${number}) : ${summaryOf(changes)}.`,
          en: `Proposal ${reference} revised (revision ${number}): ${summaryOf(changes)}.`,
        },
        details: {
          reference,
          revision: number,
          baseRelease: published.version,
          fromStatus: proposal.status,
          toStatus: next,
          rules: changes.map((change) => `${change.kind} ${changeKeyOf(change)}`),
        },
      });
      const [fresh] = await findProposals(tx, [proposal.id]);
      return proposalView(fresh as Proposal, viewerOf(actor));
    });
  }

  /** Whether the reviser is named on the revision; throws when they may not revise. */
  private async assertMayRevise(tx: EntityManager, actor: AuthenticatedUser, proposal: Proposal): Promise<boolean> {
    if (actor.role !== Role.OPERATOR) {
      if (!canManage(actor, proposal.siteId)) throw ProposalErrors.notCoAuthor();
      return true;
    }
    const coAuthor = await findCoAuthor(tx, proposal.id, actor.id);
    if (!coAuthor || coAuthor.status !== CoAuthorStatus.ACCEPTED || coAuthor.role !== ParticipantKind.OPERATOR) {
      throw ProposalErrors.notCoAuthor();
    }
    return !coAuthor.anonymous;
  }

  /**
   * A rejected or approved proposal revised goes back to design; its pépins still IN_VOTE
   * follow it (the voting context may have moved them already). An operator's revision
   * moves them as SYSTEM: the pépins' history must not point at them.
   */
  private async backToDesign(tx: EntityManager, actor: AuthenticatedUser, proposal: Proposal): Promise<void> {
    const ids = (await pepinIdsOf(tx, [proposal.id])).get(proposal.id) ?? [];
    const links = await this.pepins.links(ids);
    const inVote = ids.filter((id) => links.get(id)?.status === PepinStatus.IN_VOTE);
    if (inVote.length === 0) return;
    const mover = actor.role === Role.OPERATOR ? SYSTEM_ACTOR : actor;
    await this.triage.moveToStatus(inVote, PepinStatus.IN_DESIGN, mover, referenceOf(proposal), tx, {
      notice: { proposalReference: referenceOf(proposal) },
    });
  }

  /** Today's date on the caller's site, for a creation's default `effectiveFrom`. */
  private async today(actor: AuthenticatedUser): Promise<string> {
    const site = await this.directory.getSite(actor.siteId);
    return calendarDateIn(this.clock.now(), site?.timeZone ?? 'Europe/Paris');
  }
}

function assertManagerOrAdmin(actor: AuthenticatedUser): void {
  if (actor.role !== Role.MANAGER && actor.role !== Role.ADMIN) throw CommonErrors.forbidden();
}

function collect(
  problems: InputProblem[],
  result: { text: string; problem: null } | { text: null; problem: TextProblem },
): string | null {
  if (result.problem) problems.push(result.problem);
  return result.text;
}

function optional(
  problems: InputProblem[],
  raw: string | null | undefined,
  read: (text: string) => { text: string; problem: null } | { text: null; problem: TextProblem },
): string | null {
  if (raw === null || raw === undefined) return null;
  return collect(problems, read(raw));
}

/** "AMEND REFUND-004, CREATE GDPR-002" for audit summaries. */
function summaryOf(changes: readonly ProposedRuleChange[]): string {
  return changes.map((change) => `${change.kind} ${changeKeyOf(change)}`).join(', ');
}
