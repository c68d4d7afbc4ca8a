import { ErrorCode, defineErrors } from '@pepite/api/errors';

export const NotificationErrors = defineErrors({
  invalidCursor: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) =>
      'Le curseur de pagination « after » n’est pas valable : reprenez-le tel quel dans une page précédente.',
    en: (_: void) => 'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
  },
  markReadTarget: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) =>
      'Indiquez soit « ids » (les notifications à marquer comme lues), soit « all: true », mais pas les deux.',
    en: (_: void) => 'Give either “ids” (the notifications to mark as read) or “all: true”, not both.',
  },
});
