import type { KindCatalogue } from './kind-definition';
import { named, text, when, type RenderContext } from './rendering-kit';

function pepin(c: RenderContext): string {
  return named(c.reader.locale, text(c.params, 'reference'), text(c.params, 'title'));
}

/** The double écoute: the operator asks a manager (and reveals themself), the manager answers. */
export const LISTENING_KINDS: KindCatalogue = {
  LISTENING_SESSION_REQUESTED: {
    title: { fr: 'Demande de double écoute', en: 'Double écoute requested' },
    body: {
      fr: (c) => `${text(c.params, 'operatorName')} vous propose une double écoute sur le pépin ${pepin(c)}.`,
      en: (c) =>
        `${text(c.params, 'operatorName')} asks you for a double écoute (joint call review) on pépin ${pepin(c)}.`,
    },
  },
  LISTENING_SESSION_SCHEDULED: {
    title: { fr: 'Double écoute planifiée', en: 'Double écoute scheduled' },
    body: {
      fr: (c) =>
        `${text(c.params, 'managerName')} a planifié votre double écoute sur le pépin ${pepin(c)} : ${when(c.params['scheduledAt'], c.reader)}.`,
      en: (c) =>
        `${text(c.params, 'managerName')} scheduled your double écoute on pépin ${pepin(c)}: ${when(c.params['scheduledAt'], c.reader)}.`,
    },
  },
  LISTENING_SESSION_DONE: {
    title: { fr: 'Double écoute conclue', en: 'Double écoute concluded' },
    body: {
      fr: (c) =>
        `${text(c.params, 'managerName')} a consigné la conclusion de votre double écoute sur le pépin ${pepin(c)}.`,
      en: (c) => `${text(c.params, 'managerName')} recorded the outcome of your double écoute on pépin ${pepin(c)}.`,
    },
  },
  LISTENING_SESSION_CANCELLED: {
    title: { fr: 'Double écoute annulée', en: 'Double écoute cancelled' },
    body: {
      fr: (c) => `${text(c.params, 'byName')} a annulé la double écoute sur le pépin ${pepin(c)}.`,
      en: (c) => `${text(c.params, 'byName')} cancelled the double écoute on pépin ${pepin(c)}.`,
    },
  },
};
