import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

/** The return path's errors. */
export const ReturnPathErrors = defineErrors({
  unknownRelease: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { version: number }) => `La version ${p.version} du référentiel n’existe pas.`,
    en: (p: { version: number }) => `Rulebook release ${p.version} does not exist.`,
  },
  otherSite: fixedText(
    ErrorCode.FORBIDDEN,
    'Un manager ne voit que son propre site.',
    'A manager sees only their own site.',
  ),
  siteNotFound: fixedText(ErrorCode.NOT_FOUND, 'Ce site n’existe pas.', 'This site does not exist.'),
  notMandatory: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { version: number; ruleKey: string }) =>
      `Aucune lecture obligatoire pour ${p.ruleKey} dans la version ${p.version}.`,
    en: (p: { version: number; ruleKey: string }) => `No mandatory reading for ${p.ruleKey} in release ${p.version}.`,
  },
  emptySearch: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { min: number; max: number }) => `Une recherche compte de ${p.min} à ${p.max} caractères.`,
    en: (p: { min: number; max: number }) => `A search is ${p.min} to ${p.max} characters long.`,
  },
  searchGapNotFound: fixedText(
    ErrorCode.NOT_FOUND,
    'Cette recherche sans résultat n’est pas connue sur votre site.',
    'This unanswered search is not known on your site.',
  ),
});
