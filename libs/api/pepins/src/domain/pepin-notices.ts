import { PepinStatus } from './pepin-status';

/** A notification's words in both languages, rendered once when it is sent. */
export interface Notice {
  readonly kind: string;
  readonly text: { readonly fr: string; readonly en: string };
}

/** The pépin as notifications name it. */
export interface NoticeSubject {
  readonly reference: string;
  readonly title: string;
}

/** Whom a pépin notice speaks to: the operator who filed it, or one who said "me too". */
export type NoticeAudience = 'REPORTER' | 'SUPPORTER';

function named(pepin: NoticeSubject): { fr: string; en: string } {
  const title = [...pepin.title].length > 60 ? `${[...pepin.title].slice(0, 60).join('')}…` : pepin.title;
  return { fr: `${pepin.reference} « ${title} »`, en: `${pepin.reference} “${title}”` };
}

function whose(audience: NoticeAudience, pepin: NoticeSubject): { fr: string; en: string } {
  const name = named(pepin);
  return audience === 'REPORTER'
    ? { fr: `Votre pépin ${name.fr}`, en: `Your pépin ${name.en}` }
    : { fr: `Le pépin ${name.fr} que vous soutenez`, en: `The pépin ${name.en} you support` };
}

function withMessage(text: { fr: string; en: string }, message: string | null, label: { fr: string; en: string }) {
  if (!message) return text;
  return { fr: `${text.fr} ${label.fr} : ${message}`, en: `${text.en} ${label.en}: ${message}` };
}

/** What the reporter and the supporters are told when a pépin changes status. */
export function transitionNotice(
  audience: NoticeAudience,
  pepin: NoticeSubject,
  to: PepinStatus,
  message: string | null,
  duplicateOf?: NoticeSubject,
): Notice {
  const subject = whose(audience, pepin);
  const note = { fr: 'Message', en: 'Message' };
  switch (to) {
    case PepinStatus.ACKNOWLEDGED:
      return {
        kind: 'PEPIN_ACKNOWLEDGED',
        text: withMessage(
          {
            fr: `${subject.fr} a été pris en compte par les managers.`,
            en: `${subject.en} has been acknowledged by the managers.`,
          },
          message,
          note,
        ),
      };
    case PepinStatus.DECLINED:
      return {
        kind: 'PEPIN_DECLINED',
        text: withMessage({ fr: `${subject.fr} a été refusé.`, en: `${subject.en} has been declined.` }, message, {
          fr: 'Raison',
          en: 'Reason',
        }),
      };
    case PepinStatus.DUPLICATE: {
      const kept = duplicateOf ? named(duplicateOf) : { fr: 'un autre pépin', en: 'another pépin' };
      return {
        kind: 'PEPIN_MARKED_DUPLICATE',
        text: {
          fr: `${subject.fr} décrit le même problème que le pépin ${kept.fr} : il y a été rattaché, et votre voix y compte désormais.`,
          en: `${subject.en} describes the same problem as pépin ${kept.en}: it has been merged into it, and your voice now counts there.`,
        },
      };
    }
    case PepinStatus.IN_DESIGN:
      return {
        kind: 'PEPIN_IN_DESIGN',
        text: withMessage(
          {
            fr: `${subject.fr} est en cours de co-conception : une meilleure règle se prépare.`,
            en: `${subject.en} is being co-designed: a better rule is in the works.`,
          },
          message,
          note,
        ),
      };
    case PepinStatus.IN_VOTE:
      return {
        kind: 'PEPIN_IN_VOTE',
        text: withMessage(
          {
            fr: `La règle proposée pour ${lower(subject.fr)} est soumise au vote.`,
            en: `The rule proposed for ${lower(subject.en)} is up for a vote.`,
          },
          message,
          note,
        ),
      };
    case PepinStatus.PUBLISHED:
      return {
        kind: 'PEPIN_PUBLISHED',
        text: withMessage(
          {
            fr: `${subject.fr} est devenu une pépite : la nouvelle règle est publiée.`,
            en: `${subject.en} has become a pépite: the new rule is published.`,
          },
          message,
          note,
        ),
      };
    case PepinStatus.NEW:
      throw new Error('nothing goes back to NEW');
  }
}

export function questionNotice(pepin: NoticeSubject): Notice {
  const name = named(pepin);
  return {
    kind: 'PEPIN_QUESTION',
    text: {
      fr: `Un manager vous pose une question sur votre pépin ${name.fr}. Vous restez anonyme en répondant.`,
      en: `A manager has a question about your pépin ${name.en}. You stay anonymous when you answer.`,
    },
  };
}

export function answerNotice(pepin: NoticeSubject): Notice {
  const name = named(pepin);
  return {
    kind: 'PEPIN_ANSWER',
    text: { fr: `Le rapporteur du pépin ${name.fr} a répondu.`, en: `The reporter of pépin ${name.en} has answered.` },
  };
}

/** For the chosen manager only: the operator reveals themself by asking. */
export function listeningRequestedNotice(pepin: NoticeSubject, operatorName: string): Notice {
  const name = named(pepin);
  return {
    kind: 'LISTENING_SESSION_REQUESTED',
    text: {
      fr: `${operatorName} vous propose une double écoute sur le pépin ${name.fr}.`,
      en: `${operatorName} asks you for a double écoute (joint call review) on pépin ${name.en}.`,
    },
  };
}

export function listeningScheduledNotice(
  pepin: NoticeSubject,
  managerName: string,
  when: { fr: string; en: string },
): Notice {
  const name = named(pepin);
  return {
    kind: 'LISTENING_SESSION_SCHEDULED',
    text: {
      fr: `${managerName} a planifié votre double écoute sur le pépin ${name.fr} : ${when.fr}.`,
      en: `${managerName} scheduled your double écoute on pépin ${name.en}: ${when.en}.`,
    },
  };
}

export function listeningDoneNotice(pepin: NoticeSubject, managerName: string): Notice {
  const name = named(pepin);
  return {
    kind: 'LISTENING_SESSION_DONE',
    text: {
      fr: `${managerName} a consigné la conclusion de votre double écoute sur le pépin ${name.fr}.`,
      en: `${managerName} recorded the outcome of your double écoute on pépin ${name.en}.`,
    },
  };
}

export function listeningCancelledNotice(pepin: NoticeSubject, byName: string): Notice {
  const name = named(pepin);
  return {
    kind: 'LISTENING_SESSION_CANCELLED',
    text: {
      fr: `${byName} a annulé la double écoute sur le pépin ${name.fr}.`,
      en: `${byName} cancelled the double écoute on pépin ${name.en}.`,
    },
  };
}

/** A date and time as people of each language read it, in the site's time zone. */
export function formatWhen(at: Date, timeZone: string): { fr: string; en: string } {
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
  return { fr: format('fr-FR'), en: format('en-GB') };
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
