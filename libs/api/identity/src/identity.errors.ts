import { ErrorCode, defineErrors } from '@pepite/api/errors';

export const IdentityErrors = defineErrors({
  invalidCredentials: {
    code: ErrorCode.UNAUTHENTICATED,
    fr: (_: void) => 'Adresse e-mail ou mot de passe incorrect.',
    en: (_: void) => 'Wrong e-mail address or password.',
  },
  emailTaken: {
    code: ErrorCode.CONFLICT,
    fr: (p: { email: string }) => `Un compte existe déjà pour ${p.email}.`,
    en: (p: { email: string }) => `An account already exists for ${p.email}.`,
  },
  userNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (_: void) => 'Utilisateur introuvable.',
    en: (_: void) => 'User not found.',
  },
  siteNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (_: void) => 'Site introuvable.',
    en: (_: void) => 'Site not found.',
  },
  teamNotOnSite: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) => 'Cette équipe n’existe pas sur ce site.',
    en: (_: void) => 'This team does not exist on this site.',
  },
  teamRequired: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) => 'Un opérateur ou un manager doit appartenir à une équipe.',
    en: (_: void) => 'An operator or a manager must belong to a team.',
  },
  cannotDeactivateSelf: {
    code: ErrorCode.CONFLICT,
    fr: (_: void) => 'Vous ne pouvez pas désactiver votre propre compte.',
    en: (_: void) => 'You cannot deactivate your own account.',
  },
});
