import { ErrorCode, defineErrors } from '@pepite/api/errors';

/** The insights context's errors. */
export const InsightsErrors = defineErrors({
  invalidPeriod: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { maxDays: number }) => `La période doit commencer avant sa fin et durer au plus ${p.maxDays} jours.`,
    en: (p: { maxDays: number }) => `The period must start before it ends and last at most ${p.maxDays} days.`,
  },
  otherSite: {
    code: ErrorCode.FORBIDDEN,
    fr: (_: void) => 'Un manager ne voit que les indicateurs de son site.',
    en: (_: void) => 'A manager sees only their own site’s insights.',
  },
  siteNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (_: void) => 'Ce site n’existe pas.',
    en: (_: void) => 'This site does not exist.',
  },
});
