import type { Locale } from '@pepite/api/errors';
import type { KindCatalogue } from './kind-definition';
import { outcome, reasons } from './proposal-kinds';
import { capitalised, joined, list, named, text, when, withNote, type Params, type RenderContext } from './rendering-kit';

/**
 * A pépin's news speaks to the operator who filed it ("votre pépin") or to one who said
 * "me too" ("le pépin que vous soutenez"): `params.audience` is `REPORTER` or `SUPPORTER`.
 */
function whose(locale: Locale, params: Params): string {
  const name = pepin(locale, params);
  const supporter = text(params, 'audience') === 'SUPPORTER';
  if (locale === 'fr') return supporter ? `le pépin ${name} que vous soutenez` : `votre pépin ${name}`;
  return supporter ? `the pépin ${name} you support` : `your pépin ${name}`;
}

function pepin(locale: Locale, params: Params): string {
  return named(locale, text(params, 'reference'), text(params, 'title'));
}

function note(c: RenderContext, sentence: string, label: string): string {
  return withNote(sentence, text(c.params, 'message'), label, c.reader.locale);
}

function kept(locale: Locale, params: Params): string {
  const reference = text(params, 'keptReference');
  if (!reference) return locale === 'fr' ? 'un autre pépin' : 'another pépin';
  return `${locale === 'fr' ? 'le pépin' : 'pépin'} ${named(locale, reference, text(params, 'keptTitle'))}`;
}

/** "dans la version 3 du règlement (PRO-000002, PRO-000004)": what made the pépin a pépite. */
function answeredBy(locale: Locale, params: Params): string {
  const release = text(params, 'release');
  if (!release) return '';
  const proposals = list(params, 'proposals');
  const which = proposals.length > 0 ? ` (${joined(proposals, locale)})` : '';
  return locale === 'fr' ? ` dans la version ${release} du règlement${which}` : ` in rulebook release ${release}${which}`;
}

/** After a vote that did not pass: which proposal, what came of it, and why. */
function backFromVote(locale: Locale, params: Params): string {
  if (!text(params, 'outcome')) return '';
  const proposal = text(params, 'proposalReference');
  const head =
    locale === 'fr'
      ? ` Vote sur la proposition ${proposal} : ${outcome('fr', params)}.`
      : ` Vote on proposal ${proposal}: ${outcome('en', params)}.`;
  return head + reasons(locale, params);
}

export const PEPIN_KINDS: KindCatalogue = {
  PEPIN_ACKNOWLEDGED: {
    title: { fr: 'Pépin pris en compte', en: 'Pépin acknowledged' },
    body: {
      fr: (c) => note(c, `${capitalised(whose('fr', c.params))} a été pris en compte par les managers.`, 'Message'),
      en: (c) => note(c, `${capitalised(whose('en', c.params))} has been acknowledged by the managers.`, 'Message'),
    },
  },
  PEPIN_DECLINED: {
    title: { fr: 'Pépin refusé', en: 'Pépin declined' },
    body: {
      fr: (c) => note(c, `${capitalised(whose('fr', c.params))} a été refusé.`, 'Raison'),
      en: (c) => note(c, `${capitalised(whose('en', c.params))} has been declined.`, 'Reason'),
    },
  },
  PEPIN_MARKED_DUPLICATE: {
    title: { fr: 'Pépin rattaché à un autre', en: 'Pépin merged into another' },
    body: {
      fr: (c) =>
        `${capitalised(whose('fr', c.params))} décrit le même problème que ${kept('fr', c.params)} : il y a été rattaché, et votre voix y compte désormais.`,
      en: (c) =>
        `${capitalised(whose('en', c.params))} describes the same problem as ${kept('en', c.params)}: it has been merged into it, and your voice now counts there.`,
    },
  },
  PEPIN_IN_DESIGN: {
    title: { fr: 'Pépin en co-conception', en: 'Pépin being co-designed' },
    body: {
      fr: (c) =>
        note(c, `${capitalised(whose('fr', c.params))} est en cours de co-conception : une meilleure règle se prépare.`, 'Message') +
        backFromVote('fr', c.params),
      en: (c) =>
        note(c, `${capitalised(whose('en', c.params))} is being co-designed: a better rule is in the works.`, 'Message') +
        backFromVote('en', c.params),
    },
  },
  PEPIN_IN_VOTE: {
    title: { fr: 'Règle proposée soumise au vote', en: 'Proposed rule up for a vote' },
    body: {
      fr: (c) => note(c, `La règle proposée pour ${whose('fr', c.params)} est soumise au vote.`, 'Message'),
      en: (c) => note(c, `The rule proposed for ${whose('en', c.params)} is up for a vote.`, 'Message'),
    },
  },
  PEPIN_PUBLISHED: {
    title: { fr: 'Un pépin devenu pépite', en: 'A pépin became a pépite' },
    body: {
      fr: (c) =>
        note(
          c,
          `${capitalised(whose('fr', c.params))} est devenu une pépite : la nouvelle règle est publiée${answeredBy('fr', c.params)}.`,
          'Message',
        ),
      en: (c) =>
        note(
          c,
          `${capitalised(whose('en', c.params))} has become a pépite: the new rule is published${answeredBy('en', c.params)}.`,
          'Message',
        ),
    },
  },
  PEPIN_QUESTION: {
    title: { fr: 'Question d’un manager', en: 'A manager’s question' },
    body: {
      fr: (c) =>
        `Un manager vous pose une question sur votre pépin ${pepin('fr', c.params)}. Vous restez anonyme en répondant.`,
      en: (c) => `A manager has a question about your pépin ${pepin('en', c.params)}. You stay anonymous when you answer.`,
    },
  },
  PEPIN_ANSWER: {
    title: { fr: 'Réponse du rapporteur', en: 'The reporter answered' },
    body: {
      fr: (c) => `Le rapporteur du pépin ${pepin('fr', c.params)} a répondu.`,
      en: (c) => `The reporter of pépin ${pepin('en', c.params)} has answered.`,
    },
  },
  PEPIN_ACK_DUE_SOON: {
    title: { fr: 'Pépin à prendre en compte sous 24 h', en: 'Pépin due for acknowledgement within 24 h' },
    body: {
      fr: (c) =>
        `Le pépin ${pepin('fr', c.params)} attend d’être pris en compte : la réponse promise aux opérateurs est due le ${when(c.params['dueAt'], c.reader)}.`,
      en: (c) =>
        `Pépin ${pepin('en', c.params)} is waiting to be acknowledged: the answer promised to operators is due on ${when(c.params['dueAt'], c.reader)}.`,
    },
  },
  PEPIN_ACK_OVERDUE: {
    title: { fr: 'Pépin en retard de prise en compte', en: 'Pépin overdue for acknowledgement' },
    body: {
      fr: (c) =>
        `Votre équipe n’a pas encore pris en compte le pépin ${pepin('fr', c.params)} : la réponse promise aux opérateurs a ${text(c.params, 'hoursLate')} h de retard.`,
      en: (c) =>
        `Your team has not acknowledged pépin ${pepin('en', c.params)} yet: the answer promised to operators is ${text(c.params, 'hoursLate')} h late.`,
    },
  },
  PEPIN_ACK_OVERDUE_ADMIN: {
    title: { fr: 'Pépin en retard de prise en compte', en: 'Pépin overdue for acknowledgement' },
    body: {
      fr: (c) =>
        `Le site n’a pas encore pris en compte le pépin ${pepin('fr', c.params)} : la réponse promise aux opérateurs a ${text(c.params, 'hoursLate')} h de retard.`,
      en: (c) =>
        `The site has not acknowledged pépin ${pepin('en', c.params)} yet: the answer promised to operators is ${text(c.params, 'hoursLate')} h late.`,
    },
  },
  PEPIN_ACK_LATE: {
    title: { fr: 'Votre pépin attend une réponse', en: 'Your pépin is waiting for an answer' },
    body: {
      fr: (c) =>
        `Votre pépin ${pepin('fr', c.params)} attend encore une réponse : nous avons relancé les managers de votre équipe.`,
      en: (c) =>
        `Your pépin ${pepin('en', c.params)} is still waiting for an answer: your team’s managers have been reminded.`,
    },
  },
};
