import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUuid, runIdempotent, type IdempotentRequest } from '@pepite/api/database';
import { CommonErrors } from '@pepite/api/errors';
import { Role, type AuthenticatedUser } from '@pepite/api/identity';
import { referenceOf, type Pepin } from '../domain/pepin';
import { characterCount, normaliseText, PEPIN_LIMITS } from '../domain/pepin-filing';
import { answerNotice, questionNotice } from '../domain/pepin-notices';
import { PepinErrors } from '../pepins.errors';
import { PepinMessageAuthorKind, PepinMessageEntity } from '../persistence/pepin-message.entity';
import { signalPepinChanged } from '../persistence/pepin-change-signal';
import { findPepins } from '../persistence/pepin-store';
import { idempotencyConflict, keyedRequest } from './idempotency-keys';
import { PEPIN_SUBJECT, PepinNotifier } from './pepin-notifier';
import { canManage } from './pepin-views';
import { timeOf, type UseCaseTime } from './use-case-time';

/** A line of the conversation. The reporter's lines carry no author; a manager's carry theirs. */
export interface ConversationEntryView {
  readonly id: string;
  readonly pepinId: string;
  readonly authorKind: PepinMessageAuthorKind;
  /** Set for managers' lines only. */
  readonly managerId: string | null;
  readonly body: string;
  readonly at: Date;
}

/**
 * Managers ask the reporter a question on a pépin, the reporter answers, and stays
 * "Reporter" in the thread. The pépin's `updatedAt` does not move (it would time the
 * reporter's activity). A trailing `{ at }` backdates the line (demo data; never from GraphQL).
 */
@Injectable()
export class PepinConversation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: PepinNotifier,
  ) {}

  /** A manager of the pépin's site (or an admin) asks; the reporter is told. */
  async askReporter(
    asker: AuthenticatedUser,
    pepinId: string,
    body: string,
    options: UseCaseTime & { idempotencyKey?: string | null } = {},
  ): Promise<ConversationEntryView> {
    if (asker.role !== Role.MANAGER && asker.role !== Role.ADMIN) throw CommonErrors.forbidden();
    const at = timeOf(options);
    const text = messageBody(body);
    const idempotent = keyedRequest('askReporter', asker, options.idempotencyKey, { pepinId, body: text });
    const pepin = await this.find(pepinId);
    if (!pepin || !canManage(asker, pepin.siteId)) throw PepinErrors.notFound();
    return this.once(idempotent, async (manager) => {
      const saved = await manager.save(
        manager.create(PepinMessageEntity, {
          pepinId: pepin.id,
          authorKind: PepinMessageAuthorKind.MANAGER,
          authorId: asker.id,
          body: text,
          ...(at ? { createdAt: at } : {}),
        }),
      );
      await this.notifier.to(
        manager,
        [pepin.reporterId],
        questionNotice(subjectOf(pepin)),
        { type: PEPIN_SUBJECT, id: pepin.id },
        {
          reference: referenceOf(pepin),
        },
      );
      await signalPepinChanged(manager, pepin.id);
      return entryOf(saved);
    });
  }

  /** The reporter, and only them, answers; the managers who wrote in the thread are told. */
  async replyToManagers(
    reporter: AuthenticatedUser,
    pepinId: string,
    body: string,
    options: UseCaseTime & { idempotencyKey?: string | null } = {},
  ): Promise<ConversationEntryView> {
    if (reporter.role !== Role.OPERATOR) throw CommonErrors.forbidden();
    const at = timeOf(options);
    const text = messageBody(body);
    const idempotent = keyedRequest('replyToManagers', reporter, options.idempotencyKey, { pepinId, body: text });
    const pepin = await this.find(pepinId);
    if (!pepin || pepin.reporterId !== reporter.id) throw PepinErrors.notFound();
    return this.once(idempotent, async (manager) => {
      const saved = await manager.save(
        manager.create(PepinMessageEntity, {
          pepinId: pepin.id,
          authorKind: PepinMessageAuthorKind.REPORTER,
          authorId: reporter.id,
          body: text,
          ...(at ? { createdAt: at } : {}),
        }),
      );
      const askers: { author_id: string }[] = await manager.query(
        `SELECT DISTINCT author_id FROM pepin_message WHERE pepin_id = $1 AND author_kind = $2`,
        [pepin.id, PepinMessageAuthorKind.MANAGER],
      );
      await this.notifier.to(
        manager,
        askers.map((row) => row.author_id),
        answerNotice(subjectOf(pepin)),
        { type: PEPIN_SUBJECT, id: pepin.id },
        { reference: referenceOf(pepin) },
      );
      await signalPepinChanged(manager, pepin.id);
      return entryOf(saved);
    });
  }

  /** The threads of pépins the caller may read (checked by the caller), oldest line first. */
  async conversationsOf(pepinIds: readonly string[]): Promise<Map<string, ConversationEntryView[]>> {
    const byPepin = new Map<string, ConversationEntryView[]>(pepinIds.map((id) => [id, []]));
    if (pepinIds.length === 0) return byPepin;
    const rows = await this.dataSource
      .getRepository(PepinMessageEntity)
      .find({ where: { pepinId: In([...pepinIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const row of rows) byPepin.get(row.pepinId)?.push(entryOf(row));
    return byPepin;
  }

  /**
   * Runs `post` in a transaction; with a key, once per key (24 h): a retry gets the line the
   * first attempt wrote back, and nothing more is written or notified.
   */
  private async once(
    idempotent: IdempotentRequest | null,
    post: (manager: EntityManager) => Promise<ConversationEntryView>,
  ): Promise<ConversationEntryView> {
    if (!idempotent) return this.dataSource.transaction(post);
    const outcome = await runIdempotent(this.dataSource, idempotent, idempotencyConflict, async (tx) => {
      const entry = await post(tx);
      return { value: entry, result: { messageId: entry.id } };
    });
    if (!outcome.replayed) return outcome.value;
    const earlier = await this.dataSource
      .getRepository(PepinMessageEntity)
      .findOneBy({ id: (outcome.result as { messageId: string }).messageId });
    if (!earlier) throw PepinErrors.notFound();
    return entryOf(earlier);
  }

  private async find(pepinId: string): Promise<Pepin | undefined> {
    if (!isUuid(pepinId)) return undefined;
    const [pepin] = await findPepins(this.dataSource.manager, [pepinId]);
    return pepin;
  }
}

function messageBody(body: string): string {
  const text = normaliseText(body);
  const { min, max } = PEPIN_LIMITS.conversationMessage;
  const length = characterCount(text);
  if (length < min || length > max) throw PepinErrors.messageLength({ min, max });
  return text;
}

function subjectOf(pepin: Pepin) {
  return { reference: referenceOf(pepin), title: pepin.title };
}

function entryOf(row: PepinMessageEntity): ConversationEntryView {
  return {
    id: row.id,
    pepinId: row.pepinId,
    authorKind: row.authorKind,
    managerId: row.authorKind === PepinMessageAuthorKind.MANAGER ? row.authorId : null,
    body: row.body,
    at: row.createdAt,
  };
}
