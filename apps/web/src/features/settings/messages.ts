/** The notification preferences screen's words (namespace `settings`), French first. */
export const settingsMessages = {
  fr: {
    title: 'Préférences de notification',
    intro:
      'Toutes vos notifications restent dans Pépite. Choisissez, pour chaque type, si vous voulez aussi un e-mail tout de suite, un résumé quotidien à 8 h (heure de votre site), ou aucun e-mail.',
    caption: 'Types de notification et e-mails',
    kind: 'Notification',
    mode: 'E-mail',
    modes: { IMMEDIATE: 'Tout de suite', DIGEST: 'Résumé quotidien', OFF: 'Aucun e-mail' },
    default: 'par défaut',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Vos préférences sont enregistrées.',
    reset: 'Revenir aux réglages par défaut',
    empty: 'Aucun type de notification ne vous concerne.',
    link: 'Préférences de notification',
  },
  en: {
    title: 'Notification preferences',
    intro:
      'All your notifications stay in Pépite. For each kind, choose whether you also want an e-mail at once, a daily digest at 8 am (your site’s time), or no e-mail.',
    caption: 'Kinds of notification and e-mails',
    kind: 'Notification',
    mode: 'E-mail',
    modes: { IMMEDIATE: 'At once', DIGEST: 'Daily digest', OFF: 'No e-mail' },
    default: 'default',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Your preferences are saved.',
    reset: 'Back to the defaults',
    empty: 'No kind of notification concerns you.',
    link: 'Notification preferences',
  },
};
