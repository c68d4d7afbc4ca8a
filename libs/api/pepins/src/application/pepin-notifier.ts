import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '@pepite/api/notifications';
import { referenceOf, type Pepin } from '../domain/pepin';
import type { Notice, NoticeAudience } from '../domain/pepin-notices';
import { supporterIds } from '../persistence/support-store';

export const PEPIN_SUBJECT = 'PEPIN';
export const LISTENING_SESSION_SUBJECT = 'LISTENING_SESSION';

/**
 * Tells the people behind a pépin, in the caller's transaction: the reporter and every
 * supporter are told the same news, each as their audience (the renderer picks the words). The subject is the
 * pépin unless said otherwise (a merged duplicate points to the pépin kept).
 */
@Injectable()
export class PepinNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async toFollowers(
    manager: EntityManager,
    pepin: Pepin,
    notice: (audience: NoticeAudience) => Notice,
    params: Notice['params'] = {},
    options: { readonly supporters?: readonly string[]; readonly subjectId?: string } = {},
  ): Promise<void> {
    const others = (options.supporters ?? (await supporterIds(manager, pepin.id))).filter(
      (id) => id !== pepin.reporterId,
    );
    const base = { subjectType: PEPIN_SUBJECT, subjectId: options.subjectId ?? pepin.id };
    const told = (audience: NoticeAudience) => {
      const said = notice(audience);
      return { kind: said.kind, params: { reference: referenceOf(pepin), ...params, ...said.params } };
    };
    await this.notifications.notify({ ...base, recipientIds: [pepin.reporterId], ...told('REPORTER') }, manager);
    if (others.length > 0) {
      await this.notifications.notify({ ...base, recipientIds: others, ...told('SUPPORTER') }, manager);
    }
  }

  async to(
    manager: EntityManager,
    recipientIds: readonly string[],
    notice: Notice,
    subject: { type: string; id: string },
    params: Notice['params'] = {},
  ): Promise<void> {
    if (recipientIds.length === 0) return;
    await this.notifications.notify(
      {
        recipientIds,
        kind: notice.kind,
        subjectType: subject.type,
        subjectId: subject.id,
        params: { ...params, ...notice.params },
      },
      manager,
    );
  }
}
