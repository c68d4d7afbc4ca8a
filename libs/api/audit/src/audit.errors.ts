import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

export const AuditErrors = defineErrors({
  invalidCursor: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le curseur de pagination « after » n’est pas valable : reprenez-le tel quel dans une page précédente.',
    'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
  ),
  invalidPeriod: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'La période n’est pas valable : « from » doit précéder « to ».',
    'The period is not valid: “from” must come before “to”.',
  ),
});
