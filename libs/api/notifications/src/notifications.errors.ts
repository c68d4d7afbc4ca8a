import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

export const NotificationErrors = defineErrors({
  invalidCursor: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le curseur de pagination « after » n’est pas valable : reprenez-le tel quel dans une page précédente.',
    'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
  ),
  markReadTarget: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Indiquez soit « ids » (les notifications à marquer comme lues), soit « all: true », mais pas les deux.',
    'Give either “ids” (the notifications to mark as read) or “all: true”, not both.',
  ),
  unknownPreferenceKind: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { kind: string }) => `Le type de notification « ${p.kind} » n’existe pas ou ne vous concerne pas.`,
    en: (p: { kind: string }) => `The notification kind “${p.kind}” does not exist or does not concern you.`,
  },
  invalidUnsubscribeLink: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Ce lien de désabonnement n’est pas valable : il a peut-être été coupé. Changez vos préférences dans Pépite.',
    'This unsubscribe link is not valid: it may have been cut. Change your preferences in Pépite.',
  ),
});
