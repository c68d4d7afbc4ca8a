import { ErrorCode, defineErrors } from '@pepite/api/errors';

export const AuditErrors = defineErrors({
  invalidCursor: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) =>
      'Le curseur de pagination « after » n’est pas valable : reprenez-le tel quel dans une page précédente.',
    en: (_: void) => 'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
  },
  invalidPeriod: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) => 'La période n’est pas valable : « from » doit précéder « to ».',
    en: (_: void) => 'The period is not valid: “from” must come before “to”.',
  },
});
