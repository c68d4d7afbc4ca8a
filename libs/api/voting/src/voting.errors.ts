import { ErrorCode, defineErrors, fixedText } from '@pepite/api/errors';

/** The voting context's errors. */
export const VotingErrors = defineErrors({
  idempotencyConflict: fixedText(
    ErrorCode.CONFLICT,
    'Cette clé d’idempotence a déjà servi pour une autre demande, au contenu différent : utilisez une nouvelle clé pour une nouvelle demande.',
    'This idempotency key was already used for a different request: use a new key for a new request.',
  ),
  voteNotFound: fixedText(
    ErrorCode.NOT_FOUND,
    'Aucun vote n’est ouvert sur cette proposition.',
    'No vote is open on this proposal.',
  ),
  notManagerOfSite: fixedText(
    ErrorCode.FORBIDDEN,
    'Seuls les managers du site de la proposition et les administrateurs peuvent ouvrir un vote.',
    'Only the managers of the proposal’s site and admins can open a vote.',
  ),
  notElector: fixedText(
    ErrorCode.FORBIDDEN,
    'Seuls les managers du site inscrits à l’ouverture du vote peuvent voter.',
    'Only the site’s managers registered when the vote opened can vote.',
  ),
  notCanceller: fixedText(
    ErrorCode.FORBIDDEN,
    'Seuls le manager qui a ouvert le vote et les administrateurs peuvent le clore ou l’annuler.',
    'Only the manager who opened the vote and admins can close or cancel it.',
  ),
  quorumNotReached: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { quorum: number }) =>
      `Le vote ne peut être clos avant l’échéance qu’une fois le quorum atteint (${p.quorum} bulletins).`,
    en: (p: { quorum: number }) =>
      `The vote can be closed before its deadline only once the quorum (${p.quorum} ballots) is reached.`,
  },
  notInDesign: {
    code: ErrorCode.ILLEGAL_TRANSITION,
    fr: (p: { reference: string; status: string }) =>
      `La proposition ${p.reference} est au statut ${p.status} : un vote ne s’ouvre que sur une proposition en conception (IN_DESIGN).`,
    en: (p: { reference: string; status: string }) =>
      `Proposal ${p.reference} is ${p.status}: a vote opens only on a proposal in design (IN_DESIGN).`,
  },
  voteClosed: fixedText(
    ErrorCode.ILLEGAL_TRANSITION,
    'Ce vote est clos : il n’accepte plus de bulletin.',
    'This vote is closed: it no longer accepts ballots.',
  ),
  noElectorate: fixedText(
    ErrorCode.CONFLICT,
    'Le site de la proposition n’a aucun manager actif : personne ne pourrait voter.',
    'The proposal’s site has no active manager: nobody could vote.',
  ),
  alreadyOpen: fixedText(
    ErrorCode.CONFLICT,
    'Un vote est déjà ouvert sur cette proposition.',
    'A vote is already open on this proposal.',
  ),
  closesAtInvalid: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { maxDays: number }) => `La date de clôture doit être dans le futur, à ${p.maxDays} jours au plus.`,
    en: (p: { maxDays: number }) => `The closing date must be in the future, at most ${p.maxDays} days ahead.`,
  },
  quorumInvalid: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { electorate: number }) => `Le quorum doit être un entier de 1 à ${p.electorate} (le nombre de votants).`,
    en: (p: { electorate: number }) =>
      `The quorum must be a whole number from 1 to ${p.electorate} (the number of voters).`,
  },
  reasonRequired: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { min: number; max: number }) => `Un rejet doit être motivé : de ${p.min} à ${p.max} caractères.`,
    en: (p: { min: number; max: number }) => `A rejection needs a reason: ${p.min} to ${p.max} characters.`,
  },
  reasonTooLong: {
    code: ErrorCode.BAD_USER_INPUT,
    fr: (p: { max: number }) => `Le motif fait au plus ${p.max} caractères.`,
    en: (p: { max: number }) => `The reason is at most ${p.max} characters.`,
  },
});
