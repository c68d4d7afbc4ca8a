import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

export const IdentityErrors = defineErrors({
  invalidCredentials: fixedText(
    ErrorCode.UNAUTHENTICATED,
    'Adresse e-mail ou mot de passe incorrect.',
    'Wrong e-mail address or password.',
  ),
  emailTaken: {
    code: ErrorCode.CONFLICT,
    fr: (p: { email: string }) => `Un compte existe déjà pour ${p.email}.`,
    en: (p: { email: string }) => `An account already exists for ${p.email}.`,
  },
  userNotFound: fixedText(ErrorCode.NOT_FOUND, 'Utilisateur introuvable.', 'User not found.'),
  siteNotFound: fixedText(ErrorCode.NOT_FOUND, 'Site introuvable.', 'Site not found.'),
  teamNotOnSite: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Cette équipe n’existe pas sur ce site.',
    'This team does not exist on this site.',
  ),
  teamRequired: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Un opérateur ou un manager doit appartenir à une équipe.',
    'An operator or a manager must belong to a team.',
  ),
  cannotDeactivateSelf: fixedText(
    ErrorCode.CONFLICT,
    'Vous ne pouvez pas désactiver votre propre compte.',
    'You cannot deactivate your own account.',
  ),
  cannotDemoteSelf: fixedText(
    ErrorCode.CONFLICT,
    'Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.',
    'You cannot remove your own administrator role: ask another administrator to do it.',
  ),
  invalidTimeZone: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { timeZone: string }) =>
      `« ${p.timeZone} » n’est pas un fuseau horaire IANA connu (par exemple Europe/Paris).`,
    en: (p: { timeZone: string }) => `“${p.timeZone}” is not a known IANA time zone (for example Europe/Paris).`,
  },
  nameRequired: fixedText(ErrorCode.BAD_USER_INPUT, 'Le nom ne peut pas être vide.', 'The name cannot be empty.'),
  siteNameTaken: {
    code: ErrorCode.CONFLICT,
    fr: (p: { name: string }) => `Un site s’appelle déjà « ${p.name} ».`,
    en: (p: { name: string }) => `A site is already called “${p.name}”.`,
  },
  teamNotFound: fixedText(ErrorCode.NOT_FOUND, 'Équipe introuvable.', 'Team not found.'),
  idempotencyConflict: fixedText(
    ErrorCode.CONFLICT,
    'Cette clé d’idempotence a déjà servi pour une autre demande, au contenu différent : utilisez une nouvelle clé pour une nouvelle demande.',
    'This idempotency key was already used for a different request: use a new key for a new request.',
  ),
  teamNameTaken: {
    code: ErrorCode.CONFLICT,
    fr: (p: { name: string }) => `Ce site a déjà une équipe « ${p.name} ».`,
    en: (p: { name: string }) => `This site already has a team called “${p.name}”.`,
  },
  sessionEnded: fixedText(
    ErrorCode.UNAUTHENTICATED,
    'Votre session est terminée ; reconnectez-vous.',
    'Your session has ended; please sign in again.',
  ),
  csrfRefused: fixedText(
    ErrorCode.FORBIDDEN,
    'Cette demande ne vient pas de Pépite : elle est refusée.',
    'This request does not come from Pépite: it is refused.',
  ),
  passwordLoginOff: {
    code: ErrorCode.FORBIDDEN,
    fr: (p: { provider: string }) =>
      `La connexion par mot de passe est désactivée : connectez-vous avec ${p.provider}.`,
    en: (p: { provider: string }) => `Password sign-in is turned off: sign in with ${p.provider}.`,
  },
  mappingNotFound: fixedText(ErrorCode.NOT_FOUND, 'Correspondance de groupe introuvable.', 'Group mapping not found.'),
  groupRequired: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le nom du groupe ne peut pas être vide.',
    'The group name cannot be empty.',
  ),
  oidcNotConfigured: fixedText(
    ErrorCode.NOT_FOUND,
    'La connexion par fournisseur d’identité n’est pas configurée.',
    'Sign-in with an identity provider is not configured.',
  ),
  identityAlreadyLinked: fixedText(
    ErrorCode.CONFLICT,
    'Ce compte est déjà lié à une identité chez le fournisseur.',
    'This account is already linked to an identity at the provider.',
  ),
});
