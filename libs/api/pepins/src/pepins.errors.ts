import { DomainError, ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';
import type { FilingProblem } from './domain/pepin-filing';

/**
 * The pépins context's errors. Anonymity: no message a manager can trigger depends on who
 * filed or supported a pépin; "not found" is the same whether the pépin does not exist or
 * belongs to another site.
 */
export const PepinErrors = defineErrors({
  notFound: fixedText(ErrorCode.NOT_FOUND, 'Ce pépin est introuvable.', 'This pépin was not found.'),
  unknownRuleVersion: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { version: number; latest: number }) =>
      p.latest === 0
        ? `La version ${p.version} du règlement n’existe pas : aucun règlement n’est encore publié. Choisissez « aucune règle ne couvre ce cas ».`
        : `La version ${p.version} du règlement n’existe pas (la dernière publiée est la ${p.latest}).`,
    en: (p: { version: number; latest: number }) =>
      p.latest === 0
        ? `Rulebook version ${p.version} does not exist: no rulebook has been published yet. Choose “no rule covers this”.`
        : `Rulebook version ${p.version} does not exist (the latest published is ${p.latest}).`,
  },
  noRulebookYet: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Aucun règlement n’est encore publié : choisissez « aucune règle ne couvre ce cas ».',
    'No rulebook has been published yet: choose “no rule covers this”.',
  ),
  unknownRuleKey: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { key: string; version: number }) =>
      `La règle ${p.key} n’existe pas dans la version ${p.version} du règlement.`,
    en: (p: { key: string; version: number }) => `Rule ${p.key} does not exist in rulebook version ${p.version}.`,
  },
  idempotencyConflict: fixedText(
    ErrorCode.CONFLICT,
    'Cette clé d’idempotence a déjà servi pour un autre pépin, au contenu différent : utilisez une nouvelle clé pour un nouveau pépin.',
    'This idempotency key was already used for a different pépin: use a new key for a new pépin.',
  ),
  requestIdempotencyConflict: fixedText(
    ErrorCode.CONFLICT,
    'Cette clé d’idempotence a déjà servi pour une autre demande, au contenu différent : utilisez une nouvelle clé pour une nouvelle demande.',
    'This idempotency key was already used for a different request: use a new key for a new request.',
  ),
  illegalTransition: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { reference: string; from: string; to: string }) =>
      `Le pépin ${p.reference} est au statut ${p.from} : il ne peut pas passer au statut ${p.to}.`,
    en: (p: { reference: string; from: string; to: string }) =>
      `Pépin ${p.reference} is ${p.from}: it cannot become ${p.to}.`,
  },
  invalidDeclineReason: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { fr: string; en: string }) => p.fr,
    en: (p: { fr: string; en: string }) => p.en,
  },
  invalidCallReference: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { fr: string; en: string }) => p.fr,
    en: (p: { fr: string; en: string }) => p.en,
  },
  messageTooLong: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { max: number }) => `Le message doit faire au plus ${p.max} caractères.`,
    en: (p: { max: number }) => `The message must be at most ${p.max} characters long.`,
  },
  messageLength: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { min: number; max: number }) => `Le message doit faire de ${p.min} à ${p.max} caractères.`,
    en: (p: { min: number; max: number }) => `The message must be ${p.min} to ${p.max} characters long.`,
  },
  bulkSize: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { max: number }) => `Choisissez de 1 à ${p.max} pépins à la fois.`,
    en: (p: { max: number }) => `Choose 1 to ${p.max} pépins at a time.`,
  },
  duplicateOfItself: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Un pépin ne peut pas être le doublon de lui-même.',
    'A pépin cannot be a duplicate of itself.',
  ),
  duplicateTargetNotFound: fixedText(
    ErrorCode.NOT_FOUND,
    'Le pépin à conserver est introuvable sur ce site.',
    'The pépin to keep was not found on this site.',
  ),
  duplicateTargetClosed: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { reference: string; status: string }) =>
      `Le pépin ${p.reference} est au statut ${p.status} : on ne peut y rattacher un doublon que s’il est encore ouvert.`,
    en: (p: { reference: string; status: string }) =>
      `Pépin ${p.reference} is ${p.status}: a duplicate can only be merged into an open pépin.`,
  },
  duplicateTargetOnOtherSite: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Les deux pépins doivent appartenir au même site.',
    'Both pépins must belong to the same site.',
  ),
  notForMoveToStatus: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { to: string }) => `Le statut ${p.to} ne s’atteint pas ainsi (utilisez l’action dédiée).`,
    en: (p: { to: string }) => `Status ${p.to} is not reached this way (use its own action).`,
  },
  pepinClosed: {
    code: ErrorCode.CONFLICT,
    fr: (p: { reference: string; status: string }) =>
      `Le pépin ${p.reference} est clos (${p.status}) : il ne peut plus être soutenu.`,
    en: (p: { reference: string; status: string }) =>
      `Pépin ${p.reference} is closed (${p.status}): it can no longer be supported.`,
  },
  notSupported: fixedText(
    ErrorCode.ILLEGAL_TRANSITION,
    'Vous ne soutenez pas ce pépin : il n’y a pas de soutien à retirer.',
    'You do not support this pépin: there is no support to withdraw.',
  ),
  ownPepin: fixedText(
    ErrorCode.CONFLICT,
    'C’est votre propre pépin : il compte déjà votre voix.',
    'This is your own pépin: it already counts your voice.',
  ),
  invalidCursor: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le curseur de pagination « after » n’est pas valable pour ce tri : reprenez-le tel qu’une page précédente l’a donné.',
    'The “after” pagination cursor is not valid for this sort: pass it back exactly as a previous page gave it.',
  ),
  invalidPeriod: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'La période est vide : sa fin doit être après son début.',
    'The period is empty: its end must come after its start.',
  ),
  listeningSessionNotFound: fixedText(
    ErrorCode.NOT_FOUND,
    'Cette double écoute est introuvable.',
    'This double écoute (listening session) was not found.',
  ),
  listeningManagerNotFound: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Choisissez un manager actif de votre site pour la double écoute.',
    'Choose an active manager of your site for the double écoute.',
  ),
  listeningSessionActive: fixedText(
    ErrorCode.CONFLICT,
    'Vous avez déjà une double écoute en cours sur ce pépin.',
    'You already have a double écoute under way on this pépin.',
  ),
  listeningStepNotAllowed: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { status: string }) => `Cette double écoute est au statut ${p.status} : cette étape n’est plus possible.`,
    en: (p: { status: string }) => `This double écoute is ${p.status}: this step is not possible any more.`,
  },
  listeningOnlyManager: fixedText(
    ErrorCode.FORBIDDEN,
    'Seul le manager choisi pour cette double écoute peut faire cela.',
    'Only the manager chosen for this double écoute can do this.',
  ),
  scheduleInPast: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'La double écoute doit être planifiée dans le futur.',
    'The double écoute must be scheduled in the future.',
  ),
  scheduleTooFar: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { days: number }) => `La double écoute doit avoir lieu dans les ${p.days} prochains jours.`,
    en: (p: { days: number }) => `The double écoute must take place within the next ${p.days} days.`,
  },
  outcomeLength: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { min: number; max: number }) => `La conclusion doit faire de ${p.min} à ${p.max} caractères.`,
    en: (p: { min: number; max: number }) => `The outcome must be ${p.min} to ${p.max} characters long.`,
  },
  notesTooLong: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { max: number }) => `Les notes doivent faire au plus ${p.max} caractères.`,
    en: (p: { max: number }) => `Notes must be at most ${p.max} characters long.`,
  },
});

/** Every problem of a filing at once, with the fields, like invalid GraphQL input. */
export function invalidFiling(problems: readonly FilingProblem[]): DomainError {
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    {
      fr: `Le pépin ne peut pas être déposé : ${problems.map((p) => p.fr).join(' ')}`,
      en: `The pépin cannot be filed: ${problems.map((p) => p.en).join(' ')}`,
    },
    {
      reason: 'invalidFiling',
      fields: problems.map((p) => ({ field: p.field, constraint: p.reason, fr: p.fr, en: p.en })),
    },
  );
}
