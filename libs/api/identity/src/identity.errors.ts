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
  cannotDemoteSelf: {
    code: ErrorCode.CONFLICT,
    fr: (_: void) => 'Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.',
    en: (_: void) => 'You cannot remove your own administrator role: ask another administrator to do it.',
  },
  invalidTimeZone: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { timeZone: string }) => `« ${p.timeZone} » n’est pas un fuseau horaire IANA connu (par exemple Europe/Paris).`,
    en: (p: { timeZone: string }) => `“${p.timeZone}” is not a known IANA time zone (for example Europe/Paris).`,
  },
  nameRequired: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) => 'Le nom ne peut pas être vide.',
    en: (_: void) => 'The name cannot be empty.',
  },
  siteNameTaken: {
    code: ErrorCode.CONFLICT,
    fr: (p: { name: string }) => `Un site s’appelle déjà « ${p.name} ».`,
    en: (p: { name: string }) => `A site is already called “${p.name}”.`,
  },
  teamNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (_: void) => 'Équipe introuvable.',
    en: (_: void) => 'Team not found.',
  },
  idempotencyConflict: {
    code: ErrorCode.CONFLICT,
    fr: (_: void) =>
      'Cette clé d’idempotence a déjà servi pour une autre demande, au contenu différent : utilisez une nouvelle clé pour une nouvelle demande.',
    en: (_: void) => 'This idempotency key was already used for a different request: use a new key for a new request.',
  },
  teamNameTaken: {
    code: ErrorCode.CONFLICT,
    fr: (p: { name: string }) => `Ce site a déjà une équipe « ${p.name} ».`,
    en: (p: { name: string }) => `This site already has a team called “${p.name}”.`,
  },
  sessionEnded: {
    code: ErrorCode.UNAUTHENTICATED,
    fr: (_: void) => 'Votre session est terminée ; reconnectez-vous.',
    en: (_: void) => 'Your session has ended; please sign in again.',
  },
  csrfRefused: {
    code: ErrorCode.FORBIDDEN,
    fr: (_: void) => 'Cette demande ne vient pas de Pépite : elle est refusée.',
    en: (_: void) => 'This request does not come from Pépite: it is refused.',
  },
  passwordLoginOff: {
    code: ErrorCode.FORBIDDEN,
    fr: (p: { provider: string }) => `La connexion par mot de passe est désactivée : connectez-vous avec ${p.provider}.`,
    en: (p: { provider: string }) => `Password sign-in is turned off: sign in with ${p.provider}.`,
  },
  mappingNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (_: void) => 'Correspondance de groupe introuvable.',
    en: (_: void) => 'Group mapping not found.',
  },
  groupRequired: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (_: void) => 'Le nom du groupe ne peut pas être vide.',
    en: (_: void) => 'The group name cannot be empty.',
  },
  oidcNotConfigured: {
    code: ErrorCode.NOT_FOUND,
    fr: (_: void) => 'La connexion par fournisseur d’identité n’est pas configurée.',
    en: (_: void) => 'Sign-in with an identity provider is not configured.',
  },
  identityAlreadyLinked: {
    code: ErrorCode.CONFLICT,
    fr: (_: void) => 'Ce compte est déjà lié à une identité chez le fournisseur.',
    en: (_: void) => 'This account is already linked to an identity at the provider.',
  },
});
