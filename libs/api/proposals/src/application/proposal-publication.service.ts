import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@pepite/api/audit';
import { JobQueue, runIdempotent, type IdempotentRequest } from '@pepite/api/database';
import { DomainError } from '@pepite/api/errors';
import type { AuthenticatedUser } from '@pepite/api/identity';
import { NotificationsService } from '@pepite/api/notifications';
import { PepinQueries, PepinStatus, PepinTriage, SYSTEM_ACTOR } from '@pepite/api/pepins';
import { ReleaseCatalog, RulebookPublisher } from '@pepite/api/rulebook';
import { CoAuthorStatus, ProposalStatus } from '../domain/proposal-status';
import { planPublication, soleAuthorship, staleChanges, type ProposalToPublish } from '../domain/publication-plan';
import { ProposalErrors } from '../proposals.errors';
import { clashingProposals, PublicationErrors, staleProposals } from '../proposal-publication.errors';
import { coAuthorsOf } from '../persistence/co-author-store';
import { revisionsOf } from '../persistence/revision-store';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import { canManage } from './proposal-views';
import { PublicationQueue } from './publication-queue';
import { ProposalWorkflow, type PublishableProposal } from './proposal-workflow.service';
import {
  PUBLICATION_OPTIONS,
  SCHEDULED_PROPOSAL_RELEASE_JOB,
  MIN_ROLLBACK_REASON,
  MAX_ROLLBACK_REASON,
  proposalSet,
  assertManagerOrAdmin,
  type PublicationOptions,
  type PublishReleaseCommand,
  RELEASE_AUDIT_SUBJECT,
  type PublishedRelease,
  type ScheduledRelease,
  type Publisher,
  mandatoryField,
} from './publication-commands';
import { releaseAuditEntry, type ReleaseChangelog } from './publication-audit';

/**
 * Publication of approved proposals as one release (issue 6): one transaction that locks
 * the proposals, refuses clashes and stale bases (CONFLICT, nothing written) and, with the
 * four-eyes setting, a publisher who is a proposal's only author (FORBIDDEN); then the
 * rulebook's publication core makes release N+1 in that transaction, the proposals become
 * PUBLISHED, their pépins PUBLISHED (pépites: the pépins context tells reporters and
 * supporters), the authors are told, and the audit log has a line per release and per
 * proposal. With `effectiveAt` a durable job of this context runs that same path then
 * (not the rulebook's scheduler, which would publish the rules without the proposals and
 * pépins): checks are made at once, and again when it takes effect.
 */
@Injectable()
export class ProposalPublication implements OnModuleInit {
  private readonly queue = new PublicationQueue();
  private readonly logger = new Logger(ProposalPublication.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUBLICATION_OPTIONS) private readonly options: PublicationOptions,
    private readonly workflow: ProposalWorkflow,
    private readonly publisher: RulebookPublisher,
    private readonly catalog: ReleaseCatalog,
    private readonly triage: PepinTriage,
    private readonly pepins: PepinQueries,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLog,
    private readonly jobs: JobQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<ScheduledRelease>(SCHEDULED_PROPOSAL_RELEASE_JOB, (job) => this.runScheduled(job));
  }

  /** Publishes the approved proposals as release N+1 now; returns its version. */
  async publish(actor: AuthenticatedUser, command: PublishReleaseCommand): Promise<PublishedRelease> {
    assertManagerOrAdmin(actor);
    const idempotent = keyedRequest('publishRelease', actor, command.idempotencyKey, {
      proposalIds: proposalSet(command.proposalIds),
      notes: command.notes ?? null,
      ...mandatoryField(command.mandatoryRuleKeys),
    });
    return this.publishNow({ kind: 'user', user: actor }, command.proposalIds, command.notes ?? null, idempotent, command.mandatoryRuleKeys ?? []);
  }

  /**
   * Checks the publication now (site, APPROVED, four eyes, clashes, stale bases, wordings)
   * and schedules it for `effectiveAt`; the proposals stay APPROVED and the pépins IN_VOTE
   * until the job publishes them, and it checks everything but four eyes again then.
   */
  async schedule(actor: AuthenticatedUser, command: PublishReleaseCommand & { effectiveAt: Date }): Promise<void> {
    assertManagerOrAdmin(actor);
    if (!(command.effectiveAt.getTime() > Date.now())) throw PublicationErrors.effectiveAtInPast();
    const notes = command.notes?.trim() || null;
    const idempotent = keyedRequest('scheduleRelease', actor, command.idempotencyKey, {
      proposalIds: proposalSet(command.proposalIds),
      notes,
      effectiveAt: command.effectiveAt.toISOString(),
      ...mandatoryField(command.mandatoryRuleKeys),
    });
    const work = async (tx: EntityManager): Promise<void> => {
      const selected = await this.select(tx, { kind: 'user', user: actor }, command.proposalIds);
      const plan = this.checkedPlan(selected.weighed, { kind: 'user', user: actor });
      this.publisher.validateChanges(plan);
      this.refuseStale(selected.weighed, await this.revisionsInForce(this.catalog.latestVersion));
      const job: ScheduledRelease = {
        proposalIds: selected.publishable.map((p) => p.proposal.id),
        notes,
        mandatoryRuleKeys: [...(command.mandatoryRuleKeys ?? [])],
        requestedBy: actor.id,
        requestedByRole: actor.role,
      };
      await this.jobs.enqueue(SCHEDULED_PROPOSAL_RELEASE_JOB, job, {
        startAfter: command.effectiveAt,
        transaction: tx,
      });
      const references = selected.weighed.map((p) => p.reference);
      await this.audit.record(
        {
          actorRole: actor.role,
          actorId: actor.id,
          action: 'RELEASE_SCHEDULED',
          subjectType: RELEASE_AUDIT_SUBJECT,
          subjectId: `scheduled:${command.effectiveAt.toISOString()}`,
          summary: {
            fr: `Publication de ${references.join(', ')} programmée le ${command.effectiveAt.toISOString()}.`,
            en: `Publication of ${references.join(', ')} scheduled for ${command.effectiveAt.toISOString()}.`,
          },
          details: { proposals: references, effectiveAt: command.effectiveAt.toISOString(), notes },
        },
        tx,
      );
    };
    if (!idempotent) return this.dataSource.transaction(work);
    // A retry of a keyed scheduling schedules nothing more.
    await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => ({
      value: await work(tx),
      result: { scheduled: true },
    }));
  }

  /** A new release restoring an earlier one's rules, with its reason in the changelog and the audit log. */
  async rollback(
    actor: AuthenticatedUser,
    toVersion: number,
    reason: string,
    idempotencyKey?: string | null,
  ): Promise<PublishedRelease> {
    assertManagerOrAdmin(actor);
    const why = reason.trim();
    if ([...why].length < MIN_ROLLBACK_REASON || [...why].length > MAX_ROLLBACK_REASON) {
      throw PublicationErrors.rollbackReasonTooShort({ min: MIN_ROLLBACK_REASON });
    }
    const idempotent = keyedRequest('rollbackRelease', actor, idempotencyKey, { toVersion, reason: why });
    const work = async (tx: EntityManager): Promise<number> => {
      const made = await this.publisher.rollback(toVersion, why, actor.id, tx);
      await this.audit.record(
        {
          actorRole: actor.role,
          actorId: actor.id,
          action: 'RELEASE_ROLLED_BACK',
          subjectType: RELEASE_AUDIT_SUBJECT,
          subjectId: String(made.version),
          summary: {
            fr: `Version ${made.version} publiée : retour aux règles de la version ${toVersion}. Raison : ${why}`,
            en: `Release ${made.version} published: back to the rules of release ${toVersion}. Reason: ${why}`,
          },
          details: { version: made.version, restoredFrom: toVersion, reason: why },
        },
        tx,
      );
      return made.version;
    };
    return this.sealed(work, idempotent);
  }

  /**
   * Runs a publication's transaction, keyed or not, and announces the release it made. A
   * keyed retry gets the release the first attempt made, and publishes nothing more.
   */
  private sealed(
    work: (tx: EntityManager) => Promise<number>,
    idempotent: IdempotentRequest | null,
  ): Promise<PublishedRelease> {
    return this.queue.run(() => this.sealedNow(work, idempotent));
  }

  private async sealedNow(
    work: (tx: EntityManager) => Promise<number>,
    idempotent: IdempotentRequest | null,
  ): Promise<PublishedRelease> {
    if (!idempotent) {
      const version = await this.dataSource.transaction(work);
      await this.publisher.announce();
      return { version };
    }
    const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
      const version = await work(tx);
      return { value: version, result: { version } };
    });
    if (outcome.replayed) return { version: outcome.result.version };
    await this.publisher.announce();
    return { version: outcome.value };
  }

  private async publishNow(
    by: Publisher,
    proposalIds: readonly string[],
    notes: string | null,
    idempotent: IdempotentRequest | null = null,
    mandatory: readonly string[] = [],
  ): Promise<PublishedRelease> {
    const work = async (tx: EntityManager): Promise<number> => {
      const selected = await this.select(tx, by, proposalIds);
      const plan = this.checkedPlan(selected.weighed, by);
      const references = selected.weighed.map((p) => p.reference);
      const pepinIds = [...new Set(selected.publishable.flatMap((p) => [...p.pepinIds]))];
      const links = await this.pepins.links(pepinIds);
      const answers = pepinIds.map((id) => links.get(id)?.reference).filter((r): r is string => r !== undefined);
      // Early, so that a rule retired or reworded since reads as this conflict rather than
      // as the rulebook's own refusal; checked again below under the counter lock.
      this.refuseStale(selected.weighed, await this.revisionsInForce(this.catalog.latestVersion));
      // The proposals go in the changelog, as data: each reader's screen lists them in its
      // own language. The notes stay what the publisher wrote.
      const release = await this.publisher.publish(
        {
          changes: plan,
          notes,
          answers,
          proposals: references,
          publishedBy: by.kind === 'user' ? by.user.id : by.requestedBy,
          mandatory,
        },
        tx,
      );
      // Under the rulebook's counter lock: release N is the one in force before ours.
      this.refuseStale(selected.weighed, await this.revisionsInForce(release.version - 1));
      for (const { proposal } of selected.publishable) {
        await this.workflow.setStatus(proposal.id, ProposalStatus.APPROVED, ProposalStatus.PUBLISHED, tx);
      }
      if (pepinIds.length > 0) {
        // The history line keeps the references; the reporters and supporters read the
        // release and the proposals in their own language (notification kind PEPIN_PUBLISHED).
        await this.triage.moveToStatus(
          pepinIds,
          PepinStatus.PUBLISHED,
          by.kind === 'user' ? by.user : SYSTEM_ACTOR,
          references.join(', '),
          tx,
          { notice: { release: release.version, proposals: references } },
        );
      }
      await this.tellAuthors(tx, selected.publishable, selected.authors, release.version, by);
      await this.record(tx, by, release.version, selected.weighed, answers, release.changelog);
      return release.version;
    };
    return this.sealed(work, idempotent);
  }

  /** Locks the approved proposals (site-checked for a user) and reads their authors. */
  private async select(
    tx: EntityManager,
    by: Publisher,
    proposalIds: readonly string[],
  ): Promise<{ publishable: PublishableProposal[]; weighed: ProposalToPublish[]; authors: Map<string, Set<string>> }> {
    if (proposalIds.length === 0) throw PublicationErrors.noProposals();
    const publishable = await this.workflow.forPublication(proposalIds, tx);
    if (by.kind === 'user' && publishable.some((p) => !canManage(by.user, p.proposal.siteId))) {
      throw ProposalErrors.notFound();
    }
    const ids = publishable.map((p) => p.proposal.id);
    const authors = new Map<string, Set<string>>(
      publishable.map((p) => [p.proposal.id, new Set([p.proposal.createdBy])]),
    );
    for (const coAuthor of await coAuthorsOf(tx, ids)) {
      if (coAuthor.status === CoAuthorStatus.ACCEPTED) authors.get(coAuthor.proposalId)?.add(coAuthor.userId);
    }
    for (const revision of await revisionsOf(tx, ids)) authors.get(revision.proposalId)?.add(revision.authorId);
    const weighed = publishable.map((p) => ({
      reference: p.proposal.reference,
      changes: p.revision.changes,
      authorIds: [...(authors.get(p.proposal.id) ?? [])],
    }));
    return { publishable, weighed, authors };
  }

  private checkedPlan(weighed: readonly ProposalToPublish[], by: Publisher) {
    if (by.kind === 'user' && this.options.fourEyes) {
      const alone = soleAuthorship(weighed, by.user.id);
      if (alone.length > 0) throw PublicationErrors.fourEyes({ references: alone.join(', ') });
    }
    const plan = planPublication(weighed);
    if (plan.clashes.length > 0) throw clashingProposals(plan.clashes);
    return plan.changes;
  }

  private refuseStale(weighed: readonly ProposalToPublish[], inForce: ReadonlyMap<string, number>): void {
    const stale = staleChanges(weighed, inForce);
    if (stale.length > 0) throw staleProposals(stale);
  }

  private async revisionsInForce(version: number): Promise<Map<string, number>> {
    if (version <= 0) return new Map();
    return new Map((await this.catalog.rules(version)).map((entry) => [entry.key, entry.revision]));
  }

  private async tellAuthors(
    tx: EntityManager,
    publishable: readonly PublishableProposal[],
    authors: ReadonlyMap<string, ReadonlySet<string>>,
    version: number,
    by: Publisher,
  ): Promise<void> {
    const publisherId = by.kind === 'user' ? by.user.id : null;
    for (const { proposal } of publishable) {
      const recipientIds = [...(authors.get(proposal.id) ?? [])].filter((id) => id !== publisherId);
      if (recipientIds.length === 0) continue;
      await this.notifications.notify(
        {
          recipientIds,
          kind: 'PROPOSAL_PUBLISHED',
          subjectType: 'PROPOSAL',
          subjectId: proposal.id,
          params: { reference: proposal.reference, title: proposal.title, release: version },
        },
        tx,
      );
    }
  }

  private async record(
    tx: EntityManager,
    by: Publisher,
    version: number,
    weighed: readonly ProposalToPublish[],
    answers: readonly string[],
    changelog: ReleaseChangelog,
  ): Promise<void> {
    await this.audit.record(releaseAuditEntry(by, version, weighed, answers, changelog), tx);
  }

  /** The job at `effectiveAt`: the same publication, as the system; a refusal is logged, not retried. */
  private async runScheduled(job: ScheduledRelease): Promise<void> {
    try {
      await this.publishNow({ kind: 'system', requestedBy: job.requestedBy }, job.proposalIds, job.notes, null, job.mandatoryRuleKeys ?? []);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`scheduled publication of ${job.proposalIds.join(', ')} cannot apply: ${error.message}`);
    }
  }
}
