import { ErrorCode, defineErrors } from '@pepite/api/errors';

/** Errors only the GraphQL API of the rulebook raises (the use cases raise `RulebookErrors`). */
export const RulebookGraphqlErrors = defineErrors({
  invalidCursor: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) =>
      'Le curseur de pagination « after » n’est pas valable : reprenez-le tel quel dans une page précédente.',
    en: (_: void) => 'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
  },
  revisionNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { key: string; revision: number; latest: number }) =>
      `La règle ${p.key} n’a pas de version ${p.revision} (elle en compte ${p.latest}).`,
    en: (p: { key: string; revision: number; latest: number }) =>
      `Rule ${p.key} has no revision ${p.revision} (it has ${p.latest}).`,
  },
});
