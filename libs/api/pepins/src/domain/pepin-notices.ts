import { PepinStatus } from './pepin-status';

/**
 * What a pépin notification is: its kind and the parameters its words are built from. The
 * words themselves live in the notifications context's renderer, so each reader gets them
 * in their own language and time zone.
 */
export interface Notice {
  readonly kind: string;
  readonly params: Readonly<Record<string, string | number | null | readonly string[]>>;
}

/** The pépin as notifications name it. */
export interface NoticeSubject {
  readonly reference: string;
  readonly title: string;
}

/** Whom a pépin notice speaks to: the operator who filed it, or one who said "me too". */
export type NoticeAudience = 'REPORTER' | 'SUPPORTER';

const TRANSITION_KINDS: Readonly<Record<Exclude<PepinStatus, PepinStatus.NEW>, string>> = {
  [PepinStatus.ACKNOWLEDGED]: 'PEPIN_ACKNOWLEDGED',
  [PepinStatus.DECLINED]: 'PEPIN_DECLINED',
  [PepinStatus.DUPLICATE]: 'PEPIN_MARKED_DUPLICATE',
  [PepinStatus.IN_DESIGN]: 'PEPIN_IN_DESIGN',
  [PepinStatus.IN_VOTE]: 'PEPIN_IN_VOTE',
  [PepinStatus.PUBLISHED]: 'PEPIN_PUBLISHED',
};

/**
 * What the reporter and the supporters are told when a pépin changes status. `extra`
 * carries what the kind needs besides the pépin (the release and proposals of a pépite).
 */
export function transitionNotice(
  audience: NoticeAudience,
  pepin: NoticeSubject,
  to: PepinStatus,
  message: string | null,
  duplicateOf?: NoticeSubject,
  extra: Notice['params'] = {},
): Notice {
  if (to === PepinStatus.NEW) throw new Error('nothing goes back to NEW');
  return {
    kind: TRANSITION_KINDS[to],
    params: {
      reference: pepin.reference,
      title: pepin.title,
      audience,
      ...(message ? { message } : {}),
      ...(duplicateOf ? { keptReference: duplicateOf.reference, keptTitle: duplicateOf.title } : {}),
      ...extra,
    },
  };
}

function about(kind: string, pepin: NoticeSubject, params: Notice['params'] = {}): Notice {
  return { kind, params: { reference: pepin.reference, title: pepin.title, ...params } };
}

export const questionNotice = (pepin: NoticeSubject): Notice => about('PEPIN_QUESTION', pepin);

export const answerNotice = (pepin: NoticeSubject): Notice => about('PEPIN_ANSWER', pepin);

/** For the chosen manager only: the operator reveals themself by asking. */
export const listeningRequestedNotice = (pepin: NoticeSubject, operatorName: string): Notice =>
  about('LISTENING_SESSION_REQUESTED', pepin, { operatorName });

export const listeningScheduledNotice = (pepin: NoticeSubject, managerName: string, scheduledAt: Date): Notice =>
  about('LISTENING_SESSION_SCHEDULED', pepin, { managerName, scheduledAt: scheduledAt.toISOString() });

export const listeningDoneNotice = (pepin: NoticeSubject, managerName: string): Notice =>
  about('LISTENING_SESSION_DONE', pepin, { managerName });

export const listeningCancelledNotice = (pepin: NoticeSubject, byName: string): Notice =>
  about('LISTENING_SESSION_CANCELLED', pepin, { byName });
