import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { isUuid, runIdempotent } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, UserDirectoryService, type AuthenticatedUser } from '@pepite/api/identity';
import { referenceOf, type Pepin } from '../domain/pepin';
import { callReferenceProblem, characterCount, normaliseText, PEPIN_LIMITS } from '../domain/pepin-filing';
import { PepinActorRole, PepinEventKind } from '../domain/pepin-lifecycle';
import {
  listeningCancelledNotice,
  listeningDoneNotice,
  listeningRequestedNotice,
  listeningScheduledNotice,
  type Notice,
} from '../domain/pepin-notices';
import {
  listeningStepAllowed,
  ListeningSessionStatus,
  MAX_SCHEDULE_AHEAD_DAYS,
  scheduleProblem,
  type ListeningSessionStep,
} from '../domain/listening-session';
import { PepinErrors } from '../pepins.errors';
import { ListeningSessionEntity } from '../persistence/listening-session.entity';
import { appendEvent } from '../persistence/pepin-event-store';
import { findPepins, touch } from '../persistence/pepin-store';
import { supportedBy } from '../persistence/support-store';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import { LISTENING_SESSION_SUBJECT, PepinNotifier } from './pepin-notifier';
import { timeOf, type UseCaseTime } from './use-case-time';
import { viewOf, type ListeningSessionView } from './listening-session-view';

export interface RequestListeningSessionCommand {
  readonly pepinId: string;
  /** The manager the operator chooses, and the only one who will know them. */
  readonly managerId: string;
  /** The call to re-listen; defaults to the pépin's own when the operator filed it. */
  readonly callReference?: string | null;
  readonly reason?: string | null;
  /** A retry with the same key gets the same session back and asks nothing more (24 h). */
  readonly idempotencyKey?: string | null;
}

/**
 * Double écoute: an operator (the reporter or a supporter) asks a manager of their site to
 * re-listen a call together. Asking reveals the operator to that manager, and to nobody
 * else: it is the operator's choice. The manager schedules it, both write notes, the
 * manager records the outcome, which goes into the pépin's history. Each step takes a
 * trailing `{ at }` that backdates it (demo data; never passed by GraphQL).
 */
@Injectable()
export class ListeningSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: UserDirectoryService,
    private readonly notifier: PepinNotifier,
  ) {}

  async requestListeningSession(
    operator: AuthenticatedUser,
    command: RequestListeningSessionCommand,
    options: UseCaseTime = {},
  ): Promise<ListeningSessionView> {
    if (operator.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    const at = timeOf(options);
    const pepin = await this.involvedPepin(operator, command.pepinId);
    const chosen = isUuid(command.managerId) ? (await this.directory.getUsers([command.managerId]))[0] : undefined;
    if (!chosen || !chosen.active || chosen.role !== Role.MANAGER || chosen.siteId !== operator.siteId) {
      throw PepinErrors.listeningManagerNotFound();
    }
    const callReference =
      callReferenceOf(command.callReference) ?? (pepin.reporterId === operator.id ? pepin.callReference : null);
    const reason = optionalText(command.reason, PEPIN_LIMITS.listeningReason.max);
    const { idempotencyKey, ...request } = command;
    const idempotent = keyedRequest('requestListeningSession', operator, idempotencyKey, {
      ...request,
      callReference,
      reason,
    });
    const ask = async (manager: EntityManager): Promise<ListeningSessionView> => {
      const session = await manager.save(
        manager.create(ListeningSessionEntity, {
          pepinId: pepin.id,
          operatorId: operator.id,
          managerId: chosen.id,
          status: ListeningSessionStatus.REQUESTED,
          callReference,
          reason,
          ...(at ? { createdAt: at, updatedAt: at } : {}),
        }),
      );
      await this.tell(
        manager,
        [chosen.id],
        listeningRequestedNotice(subjectOf(pepin), operator.displayName),
        session,
        pepin,
      );
      return viewOf(session, pepin, operator.id);
    };
    try {
      if (!idempotent) return await this.dataSource.transaction(ask);
      const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
        const view = await ask(tx);
        return { value: view, result: { sessionId: view.id } };
      });
      if (!outcome.replayed) return outcome.value;
      const earlier = await this.dataSource
        .getRepository(ListeningSessionEntity)
        .findOneBy({ id: (outcome.result as { sessionId: string }).sessionId });
      if (!earlier) throw PepinErrors.listeningSessionNotFound();
      return viewOf(earlier, pepin, operator.id);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw PepinErrors.listeningSessionActive();
      }
      throw error;
    }
  }

  /**
   * The chosen manager sets (or moves) the time; the operator is told. The time must be
   * ahead of now, or of `options.at` when the scheduling is backdated.
   */
  async scheduleListeningSession(
    user: AuthenticatedUser,
    sessionId: string,
    scheduledAt: Date,
    options: UseCaseTime = {},
  ): Promise<ListeningSessionView> {
    const at = timeOf(options);
    const problem = scheduleProblem(scheduledAt, at ?? new Date());
    if (problem === 'PAST') throw PepinErrors.scheduleInPast();
    if (problem === 'TOO_FAR') throw PepinErrors.scheduleTooFar({ days: MAX_SCHEDULE_AHEAD_DAYS });
    return this.step(user, sessionId, 'SCHEDULE', true, at, async (_manager, session, pepin) => {
      session.status = ListeningSessionStatus.SCHEDULED;
      session.scheduledAt = scheduledAt;
      return listeningScheduledNotice(subjectOf(pepin), user.displayName, scheduledAt);
    });
  }

  /** Either participant writes (replaces) their own notes. */
  async writeListeningNotes(
    user: AuthenticatedUser,
    sessionId: string,
    notes: string,
    options: UseCaseTime = {},
  ): Promise<ListeningSessionView> {
    const at = timeOf(options);
    const text = normaliseText(notes);
    const max = PEPIN_LIMITS.listeningNotes.max;
    if (characterCount(text) > max) throw PepinErrors.notesTooLong({ max });
    return this.step(user, sessionId, 'WRITE_NOTES', false, at, async (_manager, session) => {
      if (session.managerId === user.id) session.managerNotes = text === '' ? null : text;
      else session.operatorNotes = text === '' ? null : text;
      return null;
    });
  }

  /** The chosen manager records the outcome: the session is done and the pépin's history shows it. */
  async completeListeningSession(
    user: AuthenticatedUser,
    sessionId: string,
    outcome: string,
    options: UseCaseTime = {},
  ): Promise<ListeningSessionView> {
    const at = timeOf(options);
    const text = normaliseText(outcome);
    const { min, max } = PEPIN_LIMITS.listeningOutcome;
    if (characterCount(text) < min || characterCount(text) > max) throw PepinErrors.outcomeLength({ min, max });
    return this.step(user, sessionId, 'COMPLETE', true, at, async (manager, session, pepin) => {
      session.status = ListeningSessionStatus.DONE;
      session.outcome = text;
      session.completedAt = at ?? new Date();
      await appendEvent(manager, {
        pepinId: pepin.id,
        actorRole: user.role === Role.ADMIN ? PepinActorRole.ADMIN : PepinActorRole.MANAGER,
        actorId: user.id,
        kind: PepinEventKind.LISTENING_SESSION_DONE,
        fromStatus: null,
        toStatus: null,
        message: text,
        at,
      });
      await touch(manager, pepin.id, at);
      return listeningDoneNotice(subjectOf(pepin), user.displayName);
    });
  }

  /** Either participant calls it off; the other is told. */
  async cancelListeningSession(
    user: AuthenticatedUser,
    sessionId: string,
    options: UseCaseTime = {},
  ): Promise<ListeningSessionView> {
    return this.step(user, sessionId, 'CANCEL', false, timeOf(options), async (_manager, session, pepin) => {
      session.status = ListeningSessionStatus.CANCELLED;
      return listeningCancelledNotice(subjectOf(pepin), user.displayName);
    });
  }

  /** The caller's own sessions, as operator or as chosen manager, newest first. */
  async mySessions(user: AuthenticatedUser): Promise<ListeningSessionView[]> {
    const sessions = await this.dataSource.getRepository(ListeningSessionEntity).find({
      where: [{ operatorId: user.id }, { managerId: user.id }],
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    return this.views(sessions, user.id);
  }

  /** Sessions of pépins the caller may see (checked by the caller), each shaped for them. */
  async sessionsOf(pepinIds: readonly string[], viewerId: string): Promise<Map<string, ListeningSessionView[]>> {
    const byPepin = new Map<string, ListeningSessionView[]>(pepinIds.map((id) => [id, []]));
    if (pepinIds.length === 0) return byPepin;
    const sessions = await this.dataSource
      .getRepository(ListeningSessionEntity)
      .find({ where: { pepinId: In([...pepinIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const view of await this.views(sessions, viewerId)) byPepin.get(view.pepinId)?.push(view);
    return byPepin;
  }

  /** Whom an operator may ask: the active managers of their site, by name. */
  async availableManagers(operator: AuthenticatedUser): Promise<{ id: string; displayName: string }[]> {
    const managers = await this.directory.listActiveUsers(operator.siteId, Role.MANAGER);
    return managers.map((manager) => ({ id: manager.id, displayName: manager.displayName }));
  }

  private async step(
    user: AuthenticatedUser,
    sessionId: string,
    step: ListeningSessionStep,
    managerOnly: boolean,
    at: Date | null,
    change: (manager: EntityManager, session: ListeningSessionEntity, pepin: Pepin) => Promise<Notice | null>,
  ): Promise<ListeningSessionView> {
    if (!isUuid(sessionId)) throw PepinErrors.listeningSessionNotFound();
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(ListeningSessionEntity, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      // To anyone but the two participants, the session does not exist.
      if (!session || (session.managerId !== user.id && session.operatorId !== user.id))
        throw PepinErrors.listeningSessionNotFound();
      if (managerOnly && session.managerId !== user.id) throw PepinErrors.listeningOnlyManager();
      if (!listeningStepAllowed(session.status, step))
        throw PepinErrors.listeningStepNotAllowed({ status: session.status });
      const [pepin] = await findPepins(manager, [session.pepinId]);
      if (!pepin) throw PepinErrors.listeningSessionNotFound();
      const notice = await change(manager, session, pepin);
      session.updatedAt = at ?? new Date();
      const saved = await manager.save(session);
      if (notice) {
        const other = session.managerId === user.id ? session.operatorId : session.managerId;
        await this.tell(manager, [other], notice, saved, pepin);
      }
      return viewOf(saved, pepin, user.id);
    });
  }

  private async involvedPepin(operator: AuthenticatedUser, pepinId: string): Promise<Pepin> {
    if (!isUuid(pepinId)) throw PepinErrors.notFound();
    const [pepin] = await findPepins(this.dataSource.manager, [pepinId]);
    if (!pepin) throw PepinErrors.notFound();
    if (pepin.reporterId === operator.id) return pepin;
    if ((await supportedBy(this.dataSource.manager, [pepin.id], operator.id)).has(pepin.id)) return pepin;
    throw PepinErrors.notFound();
  }

  private tell(
    manager: EntityManager,
    recipients: string[],
    notice: Notice,
    session: ListeningSessionEntity,
    pepin: Pepin,
  ): Promise<void> {
    return this.notifier.to(
      manager,
      recipients,
      notice,
      { type: LISTENING_SESSION_SUBJECT, id: session.id },
      {
        reference: referenceOf(pepin),
        pepinId: pepin.id,
        status: session.status,
      },
    );
  }

  private async views(sessions: ListeningSessionEntity[], viewerId: string): Promise<ListeningSessionView[]> {
    const pepins = new Map(
      (await findPepins(this.dataSource.manager, [...new Set(sessions.map((s) => s.pepinId))])).map((p) => [p.id, p]),
    );
    return sessions.flatMap((session) => {
      const pepin = pepins.get(session.pepinId);
      return pepin ? [viewOf(session, pepin, viewerId)] : [];
    });
  }
}

function subjectOf(pepin: Pepin) {
  return { reference: referenceOf(pepin), title: pepin.title };
}

function callReferenceOf(text: string | null | undefined): string | null {
  const callReference = text?.trim() ?? '';
  if (callReference === '') return null;
  const problem = callReferenceProblem(callReference);
  if (problem) throw PepinErrors.invalidCallReference(problem);
  return callReference;
}

function optionalText(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  const normalised = normaliseText(text);
  if (normalised === '') return null;
  if (characterCount(normalised) > max) throw PepinErrors.messageTooLong({ max });
  return normalised;
}
