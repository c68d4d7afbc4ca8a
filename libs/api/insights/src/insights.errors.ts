import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

/** The insights context's errors. */
export const InsightsErrors = defineErrors({
  invalidPeriod: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { maxDays: number }) => `La période doit commencer avant sa fin et durer au plus ${p.maxDays} jours.`,
    en: (p: { maxDays: number }) => `The period must start before it ends and last at most ${p.maxDays} days.`,
  },
  otherSite: fixedText(
    ErrorCode.FORBIDDEN,
    'Un manager ne voit que les indicateurs de son site.',
    'A manager sees only their own site’s insights.',
  ),
  siteNotFound: fixedText(ErrorCode.NOT_FOUND, 'Ce site n’existe pas.', 'This site does not exist.'),
});
