import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, UserDirectoryService, UserRateLimits, type AuthenticatedUser } from '@pepite/api/identity';
import { WebhookEvents } from '@pepite/api/webhooks';
import type { Pepin } from '../domain/pepin';
import { filingFingerprint, validateFiling, type FilePepinCommand } from '../domain/pepin-filing';
import { PepinActorRole, PepinEventKind } from '../domain/pepin-lifecycle';
import { isOpen, PepinStatus } from '../domain/pepin-status';
import { PepinErrors, invalidFiling } from '../pepins.errors';
import { appendEvent } from '../persistence/pepin-event-store';
import { deleteSupport, recountSupports, upsertSupport } from '../persistence/support-store';
import {
  findByIdempotencyKey,
  findPepins,
  insertPepin,
  lockPepins,
  releaseExpiredIdempotencyKey,
} from '../persistence/pepin-store';
import { pepinView, type PepinView } from './pepin-views';
import { pepinPayload } from './pepin-webhooks';
import { RuleReferences } from './rule-references.service';
import { timeOf, type UseCaseTime } from './use-case-time';

/** The acknowledgement promise when a site has none recorded (docs/design.md: 3 days). */
export const DEFAULT_ACK_SLA_HOURS = 72;

/** What operators do: file a pépin, say "me too". */
@Injectable()
export class PepinFiling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: UserDirectoryService,
    private readonly rules: RuleReferences,
    private readonly limits: UserRateLimits,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * Files a pépin for `reporter` (an operator) on their site and team. With an
   * idempotency key, a retry within 24 h returns the pépin the first attempt created and
   * creates nothing; the same key with different content is a CONFLICT. After 24 h the key
   * is forgotten and files a new pépin. `options.at` backdates the
   * filing (demo data): creation, acknowledgement deadline and history line follow it.
   */
  async filePepin(
    reporter: AuthenticatedUser,
    command: FilePepinCommand,
    options: UseCaseTime = {},
  ): Promise<PepinView> {
    if (reporter.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    return this.file(reporter, command, options);
  }

  /**
   * A manager turns an unanswered search of their site into a pépin "no rule covers this"
   * (issue 19, the return path). Signed: a manager is never anonymous. Idempotent by key.
   */
  async fileForSearchGap(
    manager: AuthenticatedUser,
    command: { title: string; description: string; idempotencyKey: string },
  ): Promise<PepinView> {
    if (manager.role !== Role.MANAGER && manager.role !== Role.ADMIN) throw CommonErrors.forbidden();
    return this.file(manager, { ...command, noRuleApplies: true, signed: true }, {});
  }

  private async file(reporter: AuthenticatedUser, command: FilePepinCommand, options: UseCaseTime): Promise<PepinView> {
    const at = timeOf(options);
    const { draft, problems } = validateFiling(command);
    if (!draft) throw invalidFiling(problems);
    const contentHash = filingFingerprint(draft);
    if (draft.idempotencyKey !== null) {
      const earlier = await findByIdempotencyKey(this.dataSource.manager, reporter.id, draft.idempotencyKey);
      if (earlier) return this.replay(reporter, earlier, contentHash);
    }
    const rule = draft.ruleKey === null ? null : await this.rules.resolve(draft.ruleKey, draft.ruleVersion);
    const site = await this.directory.getSite(reporter.siteId);
    const id = await this.dataSource.transaction(async (manager) => {
      if (draft.idempotencyKey !== null) await releaseExpiredIdempotencyKey(manager, reporter.id, draft.idempotencyKey);
      const created = await insertPepin(manager, {
        siteId: reporter.siteId,
        teamId: reporter.teamId,
        reporterId: reporter.id,
        signed: draft.signed,
        title: draft.title,
        description: draft.description,
        customerImpact: draft.customerImpact,
        ruleKey: rule?.key ?? null,
        ruleVersion: rule?.version ?? null,
        ruleCategory: rule?.category ?? null,
        noRuleApplies: rule === null,
        callReference: draft.callReference,
        ackSlaHours: site?.ackSlaHours ?? DEFAULT_ACK_SLA_HOURS,
        idempotencyKey: draft.idempotencyKey,
        contentHash,
        at,
      });
      if (created !== null) {
        await appendEvent(manager, {
          pepinId: created,
          actorRole: PepinActorRole.REPORTER,
          actorId: null,
          kind: PepinEventKind.FILED,
          fromStatus: null,
          toStatus: PepinStatus.NEW,
          message: null,
          at,
        });
        const [filed] = await findPepins(manager, [created]);
        if (filed) await this.webhooks.publish({ type: 'pepin.filed', data: { pepin: pepinPayload(filed) } }, manager);
      }
      return created;
    });
    if (id === null) {
      // A concurrent attempt with the same key won the race; its row is committed now.
      const earlier = await findByIdempotencyKey(this.dataSource.manager, reporter.id, draft.idempotencyKey as string);
      if (!earlier) throw new Error('filePepin: idempotency conflict without a row');
      return this.replay(reporter, earlier, contentHash);
    }
    return this.reporterView(this.dataSource.manager, reporter, id);
  }

  /**
   * "Me too" from an operator of the pépin's site: counted once per operator (asking
   * again only changes whether the support is signed). Not on their own pépin, not on a
   * closed one. `signed` null keeps the support's signature as it was. Nothing a manager sees moves but the count: no history line, no
   * `updatedAt`, so the support cannot be timed against a shift. `options.at` backdates the
   * support (demo data).
   */
  async supportPepin(
    operator: AuthenticatedUser,
    pepinId: string,
    signed: boolean | null = null,
    options: UseCaseTime = {},
  ): Promise<PepinView> {
    if (operator.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    const at = timeOf(options);
    if (!isUuid(pepinId)) throw PepinErrors.notFound();
    return this.dataSource.transaction(async (manager) => {
      const pepin = (await lockPepins(manager, [pepinId])).get(pepinId);
      if (!pepin || pepin.siteId !== operator.siteId) throw PepinErrors.notFound();
      if (pepin.reporterId === operator.id) throw PepinErrors.ownPepin();
      if (!isOpen(pepin.status))
        throw PepinErrors.pepinClosed({
          reference: pepinView(pepin, noViewer(operator)).reference,
          status: pepin.status,
        });
      if (await upsertSupport(manager, pepin.id, operator.id, signed, at)) await recountSupports(manager, [pepin.id]);
      const [fresh] = await findPepins(manager, [pepin.id]);
      return pepinView(fresh as Pepin, { ...noViewer(operator), isSupporter: true });
    });
  }

  /**
   * Takes back a "me too" on an open pépin. Whoever has no support on it (the reporter
   * included) gets the same NOT_SUPPORTED answer, so the answer never tells who filed it.
   * Like a support, it writes no history line and leaves `updatedAt` alone.
   */
  async withdrawSupport(operator: AuthenticatedUser, pepinId: string): Promise<PepinView> {
    if (operator.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    if (!isUuid(pepinId)) throw PepinErrors.notFound();
    return this.dataSource.transaction(async (manager) => {
      const pepin = (await lockPepins(manager, [pepinId])).get(pepinId);
      if (!pepin || pepin.siteId !== operator.siteId) throw PepinErrors.notFound();
      if (!isOpen(pepin.status))
        throw PepinErrors.pepinClosed({
          reference: pepinView(pepin, noViewer(operator)).reference,
          status: pepin.status,
        });
      if (!(await deleteSupport(manager, pepin.id, operator.id))) throw PepinErrors.notSupported();
      await recountSupports(manager, [pepin.id]);
      const [fresh] = await findPepins(manager, [pepin.id]);
      return pepinView(fresh as Pepin, noViewer(operator));
    });
  }

  private async replay(reporter: AuthenticatedUser, earlier: Pepin, contentHash: string): Promise<PepinView> {
    if (earlier.contentHash !== contentHash) throw PepinErrors.idempotencyConflict();
    // A retry that makes nothing new does not use up the operator's filing limit.
    await this.limits.forgiveReplay(reporter.id, 'filing');
    return this.reporterView(this.dataSource.manager, reporter, earlier.id);
  }

  private async reporterView(manager: EntityManager, reporter: AuthenticatedUser, id: string): Promise<PepinView> {
    const [pepin] = await findPepins(manager, [id]);
    if (!pepin) throw PepinErrors.notFound();
    return pepinView(pepin, { ...noViewer(reporter), isReporter: true });
  }
}

function noViewer(user: AuthenticatedUser) {
  return { userId: user.id, locale: user.locale, isReporter: false, isSupporter: false, canManage: false };
}
