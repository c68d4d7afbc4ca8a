import { DomainError, ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

/** One input problem: the field, a stable reason, and what is wrong in both languages. */
export interface InputProblem {
  readonly field: string;
  readonly reason: string;
  readonly fr: string;
  readonly en: string;
}

/**
 * The proposals context's errors. "Not found" is the same whether the proposal does not
 * exist or belongs to another site; no message depends on who an anonymous operator is.
 */
export const ProposalErrors = defineErrors({
  idempotencyConflict: fixedText(
    ErrorCode.CONFLICT,
    'Cette clé d’idempotence a déjà servi pour une autre demande, au contenu différent : utilisez une nouvelle clé pour une nouvelle demande.',
    'This idempotency key was already used for a different request: use a new key for a new request.',
  ),
  notFound: fixedText(ErrorCode.NOT_FOUND, 'Cette proposition est introuvable.', 'This proposal was not found.'),
  revisionNotFound: {
    code: ErrorCode.NOT_FOUND,
    fr: (p: { reference: string; revision: number; latest: number }) =>
      `La proposition ${p.reference} n’a pas de révision ${p.revision} (la dernière est la ${p.latest}).`,
    en: (p: { reference: string; revision: number; latest: number }) =>
      `Proposal ${p.reference} has no revision ${p.revision} (the latest is ${p.latest}).`,
  },
  parentCommentNotFound: fixedText(
    ErrorCode.NOT_FOUND,
    'Le commentaire auquel vous répondez est introuvable sur cette proposition.',
    'The comment you are replying to was not found on this proposal.',
  ),
  replyOnOtherRevision: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { revision: number }) =>
      `Une réponse porte sur la même révision que le commentaire auquel elle répond (la révision ${p.revision}).`,
    en: (p: { revision: number }) =>
      `A reply is about the same revision as the comment it answers (revision ${p.revision}).`,
  },
  illegalTransition: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { reference: string; from: string; to: string }) =>
      `La proposition ${p.reference} est au statut ${p.from} : elle ne peut pas passer au statut ${p.to}.`,
    en: (p: { reference: string; from: string; to: string }) =>
      `Proposal ${p.reference} is ${p.from}: it cannot become ${p.to}.`,
  },
  notRevisable: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { reference: string; status: string }) =>
      p.status === 'IN_VOTE'
        ? `La proposition ${p.reference} est en cours de vote : elle ne peut pas être révisée avant la fin du vote.`
        : `La proposition ${p.reference} est close (${p.status}) : elle ne peut plus être révisée.`,
    en: (p: { reference: string; status: string }) =>
      p.status === 'IN_VOTE'
        ? `Proposal ${p.reference} is being voted on: it cannot be revised before the vote ends.`
        : `Proposal ${p.reference} is closed (${p.status}): it can no longer be revised.`,
  },
  closed: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { reference: string; status: string }) =>
      `La proposition ${p.reference} est close (${p.status}) : plus rien ne peut y être ajouté.`,
    en: (p: { reference: string; status: string }) =>
      `Proposal ${p.reference} is closed (${p.status}): nothing more can be added to it.`,
  },
  notCoAuthor: fixedText(
    ErrorCode.FORBIDDEN,
    'Seuls les managers du site et les opérateurs co-auteurs (invitation acceptée) peuvent réviser cette proposition.',
    'Only the site’s managers and operator co-authors (invitation accepted) can revise this proposal.',
  ),
  pepinsOnSeveralSites: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Les pépins d’une proposition doivent tous appartenir au même site.',
    'The pépins of a proposal must all belong to the same site.',
  ),
  inviteeNotFound: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Invitez un manager ou un opérateur actif du site de la proposition.',
    'Invite an active manager or operator of the proposal’s site.',
  ),
  inviteSelf: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Vous ne pouvez pas vous inviter vous-même : réviser la proposition fait de vous un co-auteur.',
    'You cannot invite yourself: revising the proposal makes you a co-author.',
  ),
  noInvitation: fixedText(
    ErrorCode.NOT_FOUND,
    'Vous n’avez pas d’invitation à co-écrire cette proposition.',
    'You have no invitation to co-author this proposal.',
  ),
  invitationAnswered: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { status: string }) =>
      p.status === 'ACCEPTED' ? 'Vous avez déjà accepté cette invitation.' : 'Vous avez déjà décliné cette invitation.',
    en: (p: { status: string }) =>
      p.status === 'ACCEPTED'
        ? 'You have already accepted this invitation.'
        : 'You have already declined this invitation.',
  },
  anonymityNeedsReporterInvitation: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Vous avez été invité·e par votre nom : les managers savent qui vous êtes, un co-auteur invité par son nom co-signe de son nom. Acceptez sous votre nom ou déclinez.',
    'You were invited by name: the managers know who you are, so a co-author invited by name co-signs under that name. Accept under your name or decline.',
  ),
  pepinNotAnswered: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Ce pépin ne fait pas partie de ceux auxquels la proposition répond.',
    'This pépin is not one the proposal answers.',
  ),
  anonymityForOperators: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Seuls les opérateurs peuvent rester anonymes : un manager agit sous son nom.',
    'Only operators can stay anonymous: a manager acts under their name.',
  ),
  invalidCursor: fixedText(
    ErrorCode.BAD_USER_INPUT,
    'Le curseur de pagination « after » n’est pas valable : reprenez-le tel qu’une page précédente l’a donné.',
    'The “after” pagination cursor is not valid: pass it back exactly as a previous page gave it.',
  ),
});

/** Every problem of an input at once, with the fields, like invalid GraphQL input. */
export function invalidProposalInput(
  what: 'proposal' | 'revision' | 'comment' | 'endorsement' | 'request',
  problems: readonly InputProblem[],
): DomainError {
  const intro = {
    proposal: { fr: 'La proposition ne peut pas être créée', en: 'The proposal cannot be created' },
    revision: { fr: 'La révision ne peut pas être enregistrée', en: 'The revision cannot be saved' },
    comment: { fr: 'Le commentaire ne peut pas être publié', en: 'The comment cannot be posted' },
    endorsement: { fr: 'Le soutien ne peut pas être enregistré', en: 'The endorsement cannot be saved' },
    request: { fr: 'La demande ne peut pas être traitée', en: 'The request cannot be processed' },
  }[what];
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    {
      fr: `${intro.fr} : ${problems.map((p) => p.fr).join(' ')}`,
      en: `${intro.en}: ${problems.map((p) => p.en).join(' ')}`,
    },
    {
      reason: 'invalidProposalInput',
      fields: problems.map((p) => ({ field: p.field, constraint: p.reason, fr: p.fr, en: p.en })),
    },
  );
}
