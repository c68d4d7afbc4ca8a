import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

export const RulebookErrors = defineErrors({
  ruleAlreadyExists: {
    code: ErrorCode.CONFLICT,
    fr: (p: { key: string }) => `La règle ${p.key} existe déjà : modifiez-la plutôt que de la créer.`,
    en: (p: { key: string }) => `Rule ${p.key} already exists: amend it instead of creating it.`,
  },
  ruleNotInForce: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { key: string }) => `La règle ${p.key} n’est pas en vigueur dans le règlement actuel.`,
    en: (p: { key: string }) => `Rule ${p.key} is not in force in the current rulebook.`,
  },
  ruleNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { key: string }) => `La règle ${p.key} n’existe pas.`,
    en: (p: { key: string }) => `Rule ${p.key} does not exist.`,
  },
  ruleChangedTwice: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { key: string }) => `La règle ${p.key} apparaît deux fois dans la même publication.`,
    en: (p: { key: string }) => `Rule ${p.key} appears twice in the same publication.`,
  },
  mandatoryNotChanged: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { keys: string }) => `Seule une règle changée par la version peut être en lecture obligatoire : ${p.keys}.`,
    en: (p: { keys: string }) => `Only a rule the release changes can be mandatory reading: ${p.keys}.`,
  },
  nothingToPublish: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Rien à publier : le règlement serait identique à la version en vigueur.',
    'Nothing to publish: the rulebook would be identical to the one in force.',
  ),
  invalidRule: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { key: string; fr: string; en: string }) => `La règle ${p.key} est incomplète ou invalide : ${p.fr}`,
    en: (p: { key: string; fr: string; en: string }) => `Rule ${p.key} is incomplete or invalid: ${p.en}`,
  },
  releaseNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { version: number }) => `La version ${p.version} du règlement n’existe pas.`,
    en: (p: { version: number }) => `Rulebook version ${p.version} does not exist.`,
  },
  releaseInFuture: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { version: number; latest: number }) =>
      `La version ${p.version} du règlement n’existe pas encore : la dernière publiée est la ${p.latest}.`,
    en: (p: { version: number; latest: number }) =>
      `Rulebook version ${p.version} does not exist yet: the latest published is ${p.latest}.`,
  },
  noAcceptableEncoding: {
    code: ErrorCode.NOT_ACCEPTABLE,
    fr: (p: { acceptEncoding: string }) =>
      `Aucun encodage accepté (Accept-Encoding: ${p.acceptEncoding}) : le règlement existe en br, gzip et sans compression (identity).`,
    en: (p: { acceptEncoding: string }) =>
      `No acceptable encoding (Accept-Encoding: ${p.acceptEncoding}): the rulebook is available as br, gzip and uncompressed (identity).`,
  },
  noReleaseYet: fixedText(
    ErrorCode.NOT_FOUND,
    'Aucun règlement n’a encore été publié.',
    'No rulebook has been published yet.',
  ),
  invalidVersion: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { value: string }) => `« ${p.value} » n’est pas un numéro de version (entier positif ou nul attendu).`,
    en: (p: { value: string }) => `"${p.value}" is not a version number (a non-negative integer is expected).`,
  },
  rollbackToLatest: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { version: number }) => `La version ${p.version} est déjà la version en vigueur.`,
    en: (p: { version: number }) => `Version ${p.version} is already the one in force.`,
  },
  effectiveAtInPast: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'La date d’entrée en vigueur doit être dans le futur (ou laissez-la vide pour publier tout de suite).',
    'The effective date must be in the future (or leave it empty to publish now).',
  ),
  advisoryExpiry: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Une consigne temporaire doit expirer dans le futur, et au plus tard dans 90 jours.',
    'An advisory must expire in the future, and within 90 days at most.',
  ),
  idempotencyKeyFormat: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'La clé d’idempotence fait 8 à 100 caractères parmi A-Z a-z 0-9 . _ : -.',
    'The idempotency key has 8 to 100 characters among A-Z a-z 0-9 . _ : -.',
  ),
  idempotencyConflict: fixedText(
    ErrorCode.CONFLICT,
    'Cette clé d’idempotence a déjà servi pour une autre consigne, au contenu différent : utilisez une nouvelle clé.',
    'This idempotency key was already used for a different advisory: use a new key.',
  ),
  advisoryMessage: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le message de la consigne doit faire entre 10 et 2 000 caractères.',
    'The advisory message must be between 10 and 2,000 characters long.',
  ),
});
