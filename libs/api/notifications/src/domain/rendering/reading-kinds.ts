import type { KindCatalogue } from './kind-definition';
import { count, text } from './rendering-kit';

/** Mandatory reading (issue 19): a manager reminds the operators who have not acknowledged a change. */
export const READING_KINDS: KindCatalogue = {
  MANDATORY_READING_REMINDER: {
    title: { fr: 'Lecture obligatoire à faire', en: 'Mandatory reading to do' },
    body: {
      fr: (c) =>
        `${text(c.params, 'managerName')} vous rappelle de lire « ${text(c.params, 'title')} » (${text(c.params, 'ruleKey')}, version ${count(c.params, 'release')}) et de confirmer « J’ai lu et compris » sur votre poste.`,
      en: (c) =>
        `${text(c.params, 'managerName')} reminds you to read “${text(c.params, 'title')}” (${text(c.params, 'ruleKey')}, release ${count(c.params, 'release')}) and to confirm “I have read and understood” on your desktop.`,
    },
  },
};
