import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WebhookEvents } from '@pepite/api/webhooks';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { referenceOf, type Pepin } from '../domain/pepin';
import { characterCount, declineReasonProblem, normaliseText, PEPIN_LIMITS } from '../domain/pepin-filing';
import { canTransition, PepinActorRole, PepinEventKind, transitionEventKind } from '../domain/pepin-lifecycle';
import { transitionNotice, type Notice } from '../domain/pepin-notices';
import { isOpen, PepinStatus } from '../domain/pepin-status';
import { PepinErrors } from '../pepins.errors';
import { appendEvent } from '../persistence/pepin-event-store';
import { findPepins, lockPepins, touch, updateStatus } from '../persistence/pepin-store';
import { moveSupports, supporterIds } from '../persistence/support-store';
import { pepinPayload } from './pepin-webhooks';
import { PepinNotifier } from './pepin-notifier';
import { canManage, managerViewer, pepinView, type PepinView } from './pepin-views';
import { timeOf, type UseCaseTime } from './use-case-time';

/** Most pépins one bulk acknowledgement takes: a queue page and then some, one transaction. */
export const MAX_BULK_ACKNOWLEDGE = 100;

/** The application itself acting (deadlines, releases): no person behind it. */
export const SYSTEM_ACTOR = 'SYSTEM' as const;

/** Who moves a pépin: a manager of its site, an admin, or the system. */
export type PepinActor = AuthenticatedUser | typeof SYSTEM_ACTOR;

/** Statuses `moveToStatus` may reach; DUPLICATE has `markDuplicate` (it needs the kept pépin). */
export const MOVABLE_STATUSES: readonly PepinStatus[] = [
  PepinStatus.ACKNOWLEDGED,
  PepinStatus.IN_DESIGN,
  PepinStatus.IN_VOTE,
  PepinStatus.PUBLISHED,
  PepinStatus.DECLINED,
];

/**
 * Managers' triage: acknowledge, decline, merge duplicates, and the later steps the
 * proposals context drives through `moveToStatus`. One transaction per use case; the
 * pépins are locked (`FOR UPDATE`) before their status is read, so two managers acting at
 * once cannot both move the same pépin. Every step writes a history line and tells the
 * reporter and the supporters, in the same transaction. Each use case takes a trailing
 * `{ at }` that backdates what it writes (demo data; never passed by GraphQL).
 */
@Injectable()
export class PepinTriage {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: PepinNotifier,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** NEW → ACKNOWLEDGED, with an optional message to the reporter. */
  async acknowledgePepin(
    actor: AuthenticatedUser,
    pepinId: string,
    message?: string | null,
    options: UseCaseTime = {},
  ): Promise<PepinView> {
    const text = optionalMessage(message);
    const [moved] = await this.moveToStatus([pepinId], PepinStatus.ACKNOWLEDGED, actor, text, undefined, options);
    return moved as PepinView;
  }

  /**
   * NEW → ACKNOWLEDGED for several pépins at once (the triage queue's selection): the same
   * move, history and notices as `acknowledgePepin`, all of them or none in one transaction.
   */
  async acknowledgePepins(
    actor: AuthenticatedUser,
    pepinIds: readonly string[],
    message?: string | null,
    options: UseCaseTime = {},
  ): Promise<PepinView[]> {
    assertManagerOrAdmin(actor);
    if (pepinIds.length === 0 || pepinIds.length > MAX_BULK_ACKNOWLEDGE)
      throw PepinErrors.bulkSize({ max: MAX_BULK_ACKNOWLEDGE });
    const text = optionalMessage(message);
    return this.moveToStatus(pepinIds, PepinStatus.ACKNOWLEDGED, actor, text, undefined, options);
  }

  /** NEW or ACKNOWLEDGED → DECLINED; the reason is a real sentence, and the reporter reads it. */
  async declinePepin(
    actor: AuthenticatedUser,
    pepinId: string,
    reason: string,
    options: UseCaseTime = {},
  ): Promise<PepinView> {
    const [moved] = await this.moveToStatus([pepinId], PepinStatus.DECLINED, actor, reason, undefined, options);
    return moved as PepinView;
  }

  /**
   * NEW or ACKNOWLEDGED → DUPLICATE of an open pépin of the same site. Its supports move to
   * the kept pépin, its reporter becomes a supporter there (unless they filed that one
   * too), and they are all told which pépin now carries their voice.
   */
  async markDuplicate(
    actor: AuthenticatedUser,
    pepinId: string,
    duplicateOfId: string,
    options: UseCaseTime = {},
  ): Promise<PepinView> {
    assertManagerOrAdmin(actor);
    const at = timeOf(options);
    if (!isUuid(pepinId)) throw PepinErrors.notFound();
    if (!isUuid(duplicateOfId)) throw PepinErrors.duplicateTargetNotFound();
    if (pepinId.toLowerCase() === duplicateOfId.toLowerCase()) throw PepinErrors.duplicateOfItself();
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockPepins(manager, [pepinId, duplicateOfId]);
      const duplicate = locked.get(pepinId.toLowerCase());
      if (!duplicate || !canManage(actor, duplicate.siteId)) throw PepinErrors.notFound();
      const kept = locked.get(duplicateOfId.toLowerCase());
      if (!kept || !canManage(actor, kept.siteId)) throw PepinErrors.duplicateTargetNotFound();
      if (kept.siteId !== duplicate.siteId) throw PepinErrors.duplicateTargetOnOtherSite();
      if (!canTransition(duplicate.status, PepinStatus.DUPLICATE)) throw illegal(duplicate, PepinStatus.DUPLICATE);
      if (!isOpen(kept.status))
        throw PepinErrors.duplicateTargetClosed({ reference: referenceOf(kept), status: kept.status });

      const followers = await supporterIds(manager, duplicate.id);
      await moveSupports(manager, duplicate, kept, at);
      await updateStatus(manager, duplicate.id, PepinStatus.DUPLICATE, { duplicateOf: kept.id, at });
      const actorFields = actorOf(actor);
      await appendEvent(manager, {
        pepinId: duplicate.id,
        ...actorFields,
        kind: PepinEventKind.MARKED_DUPLICATE,
        fromStatus: duplicate.status,
        toStatus: PepinStatus.DUPLICATE,
        message: referenceOf(kept),
        at,
      });
      await appendEvent(manager, {
        pepinId: kept.id,
        ...actorFields,
        kind: PepinEventKind.DUPLICATE_MERGED,
        fromStatus: null,
        toStatus: null,
        message: referenceOf(duplicate),
        at,
      });
      await touch(manager, kept.id, at);
      const keptSubject = { reference: referenceOf(kept), title: kept.title };
      await this.notifier.toFollowers(
        manager,
        duplicate,
        (audience) =>
          transitionNotice(
            audience,
            { reference: referenceOf(duplicate), title: duplicate.title },
            PepinStatus.DUPLICATE,
            null,
            keptSubject,
          ),
        {
          status: PepinStatus.DUPLICATE,
          pepinId: duplicate.id,
          duplicateOf: kept.id,
          duplicateOfReference: keptSubject.reference,
        },
        // The pépin their voice now counts on, and the one supporters can still open.
        { supporters: followers, subjectId: kept.id },
      );
      const [fresh] = await findPepins(manager, [duplicate.id]);
      return pepinView(fresh as Pepin, managerViewer(actor));
    });
  }

  /**
   * Moves pépins to `to` with the same state machine as the triage mutations: all of them
   * or none (ILLEGAL_TRANSITION names the first that cannot). For the proposals context
   * (IN_DESIGN, IN_VOTE, back to IN_DESIGN, PUBLISHED) and any later automation. Runs in
   * `manager`'s transaction when given (locks included), in its own otherwise. A manager
   * may only move pépins of their site (NOT_FOUND otherwise, as if they did not exist);
   * `SYSTEM_ACTOR` may move any. `message` is shown in the history and to the reporter
   * (for DECLINED it is the reason, and must be a real sentence). `options.at` backdates the
   * move (status times and history lines).
   */
  async moveToStatus(
    pepinIds: readonly string[],
    to: PepinStatus,
    actor: PepinActor,
    message: string | null,
    manager?: EntityManager,
    options: UseCaseTime & { readonly notice?: Notice['params'] } = {},
  ): Promise<PepinView[]> {
    if (actor !== SYSTEM_ACTOR) assertManagerOrAdmin(actor);
    const at = timeOf(options);
    if (!MOVABLE_STATUSES.includes(to)) throw PepinErrors.notForMoveToStatus({ to });
    const text = to === PepinStatus.DECLINED ? declineReason(message) : optionalMessage(message);
    const ids = [...new Set(pepinIds.map((id) => id.toLowerCase()))];
    if (ids.some((id) => !isUuid(id))) throw PepinErrors.notFound();
    const work = async (tx: EntityManager): Promise<PepinView[]> => {
      const locked = await lockPepins(tx, ids);
      const pepins = ids.map((id) => locked.get(id));
      for (const pepin of pepins) {
        if (!pepin || (actor !== SYSTEM_ACTOR && !canManage(actor, pepin.siteId))) throw PepinErrors.notFound();
      }
      const found = pepins as Pepin[];
      const blocked = found.find((pepin) => !canTransition(pepin.status, to));
      if (blocked) throw illegal(blocked, to);
      for (const pepin of found) await this.apply(tx, pepin, to, actor, text, at, options.notice);
      const fresh = new Map((await findPepins(tx, ids)).map((pepin) => [pepin.id, pepin]));
      const viewer =
        actor === SYSTEM_ACTOR
          ? { userId: '', locale: 'fr' as const, isReporter: false, isSupporter: false, canManage: true }
          : managerViewer(actor);
      return ids.map((id) => pepinView(fresh.get(id) as Pepin, viewer));
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /**
   * For the SLA job: one more escalation level on a NEW pépin whose acknowledgement was due
   * before `now` (the job's clock; the system time by default), with a history line by
   * SYSTEM. Returns the new level, or null when the pépin is no longer NEW or not yet due
   * (nothing written). Telling the site's managers is the job's. In `manager`'s transaction
   * when given.
   */
  async recordEscalation(
    pepinId: string,
    options: { readonly now?: Date; readonly manager?: EntityManager } = {},
  ): Promise<number | null> {
    if (!isUuid(pepinId)) throw PepinErrors.notFound();
    const now = options.now ?? new Date();
    const work = async (tx: EntityManager): Promise<number | null> => {
      // TypeORM answers an UPDATE with [rows, row count].
      const [rows]: [{ escalation_level: number }[], number] = await tx.query(
        `UPDATE pepin SET escalation_level = escalation_level + 1, updated_at = now()
         WHERE id = $1 AND status = 'NEW' AND ack_due_at < $2 RETURNING escalation_level`,
        [pepinId, now],
      );
      const level = rows[0]?.escalation_level;
      if (level === undefined) return null;
      await appendEvent(tx, {
        pepinId,
        actorRole: PepinActorRole.SYSTEM,
        actorId: null,
        kind: PepinEventKind.ESCALATED,
        fromStatus: null,
        toStatus: null,
        message: String(level),
      });
      return level;
    };
    return options.manager ? work(options.manager) : this.dataSource.transaction(work);
  }

  private async apply(
    manager: EntityManager,
    pepin: Pepin,
    to: PepinStatus,
    actor: PepinActor,
    message: string | null,
    at: Date | null,
    notice?: Notice['params'],
  ): Promise<void> {
    await updateStatus(manager, pepin.id, to, { acknowledged: to === PepinStatus.ACKNOWLEDGED, at });
    await appendEvent(manager, {
      pepinId: pepin.id,
      ...actorOf(actor),
      kind: transitionEventKind(pepin.status, to),
      fromStatus: pepin.status,
      toStatus: to,
      message,
      params: notice ?? null,
      at,
    });
    const subject = { reference: referenceOf(pepin), title: pepin.title };
    // A move another context drives names what caused it in `notice` (a release, a vote's
    // outcome), which each reader reads in their language; its history line is not for them.
    const told = notice ? null : message;
    await this.notifier.toFollowers(
      manager,
      pepin,
      (audience) => transitionNotice(audience, subject, to, told, undefined, notice),
      { status: to },
    );
    if (to === PepinStatus.ACKNOWLEDGED) {
      await this.webhooks.publish({ type: 'pepin.acknowledged', data: { pepin: pepinPayload(pepin, to) } }, manager);
    } else if (to === PepinStatus.PUBLISHED) {
      const release = typeof notice?.['release'] === 'number' ? notice['release'] : null;
      await this.webhooks.publish({ type: 'pepin.became_pepite', data: { pepin: pepinPayload(pepin, to), release } }, manager);
    }
  }
}

function assertManagerOrAdmin(actor: AuthenticatedUser): void {
  if (actor.role !== Role.MANAGER && actor.role !== Role.ADMIN) throw CommonErrors.forbidden();
}

function actorOf(actor: PepinActor): { actorRole: PepinActorRole; actorId: string | null } {
  if (actor === SYSTEM_ACTOR) return { actorRole: PepinActorRole.SYSTEM, actorId: null };
  return { actorRole: actor.role === Role.ADMIN ? PepinActorRole.ADMIN : PepinActorRole.MANAGER, actorId: actor.id };
}

function illegal(pepin: Pepin, to: PepinStatus) {
  return PepinErrors.illegalTransition({ reference: referenceOf(pepin), from: pepin.status, to });
}

function optionalMessage(message: string | null | undefined): string | null {
  if (message === null || message === undefined) return null;
  const text = normaliseText(message);
  if (text === '') return null;
  const max = PEPIN_LIMITS.acknowledgeMessage.max;
  if (characterCount(text) > max) throw PepinErrors.messageTooLong({ max });
  return text;
}

function declineReason(reason: string | null): string {
  const problem = declineReasonProblem(reason ?? '');
  if (problem) throw PepinErrors.invalidDeclineReason(problem);
  return normaliseText(reason ?? '');
}
