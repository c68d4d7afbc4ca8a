import type { KindCatalogue } from './kind-definition';
import { text } from './rendering-kit';

/** What admins are told about the platform's own plumbing. */
export const ADMINISTRATION_KINDS: KindCatalogue = {
  WEBHOOK_DISABLED: {
    title: { fr: 'Webhook désactivé', en: 'Webhook disabled' },
    body: {
      fr: (c) =>
        `Le webhook vers ${text(c.params, 'url')} a échoué ${text(c.params, 'failures')} fois de suite : il est désactivé. Vérifiez le destinataire puis réactivez-le dans l’administration.`,
      en: (c) =>
        `The webhook to ${text(c.params, 'url')} failed ${text(c.params, 'failures')} times in a row: it is disabled. Check the receiver, then enable it again in administration.`,
    },
  },
};
