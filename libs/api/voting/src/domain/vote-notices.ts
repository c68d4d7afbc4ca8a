import type { Translated } from '@pepite/api/errors';
import { VoteOutcome, type Tally } from './vote';

export interface ProposalSubject {
  readonly reference: string;
  readonly title: string;
}

export function voteOpenedNotice(proposal: ProposalSubject, closesAt: Date): Translated {
  const when = closesAt.toISOString();
  return {
    fr: `Un vote est ouvert sur la proposition ${proposal.reference} « ${proposal.title} » jusqu’au ${when}.`,
    en: `A vote is open on proposal ${proposal.reference} “${proposal.title}” until ${when}.`,
  };
}

const OUTCOME_TEXT: Record<VoteOutcome, Translated> = {
  [VoteOutcome.APPROVED]: { fr: 'approuvée', en: 'approved' },
  [VoteOutcome.REJECTED]: { fr: 'rejetée et renvoyée en conception', en: 'rejected and sent back to design' },
  [VoteOutcome.NO_QUORUM]: {
    fr: 'renvoyée en conception faute de quorum',
    en: 'sent back to design for want of a quorum',
  },
  [VoteOutcome.CANCELLED]: { fr: 'renvoyée en conception (vote annulé)', en: 'sent back to design (vote cancelled)' },
};

export function voteClosedNotice(
  proposal: ProposalSubject,
  outcome: VoteOutcome,
  tally: Tally,
  reasons: readonly string[],
): Translated {
  const counts = {
    fr: `pour ${tally.approve}, contre ${tally.reject}, abstention ${tally.abstain}`,
    en: `approve ${tally.approve}, reject ${tally.reject}, abstain ${tally.abstain}`,
  };
  const why =
    reasons.length > 0
      ? { fr: ` Motifs : ${reasons.join(' ; ')}`, en: ` Reasons: ${reasons.join('; ')}` }
      : { fr: '', en: '' };
  return {
    fr: `Vote clos : la proposition ${proposal.reference} « ${proposal.title} » est ${OUTCOME_TEXT[outcome].fr} (${counts.fr}).${why.fr}`,
    en: `Vote closed: proposal ${proposal.reference} “${proposal.title}” is ${OUTCOME_TEXT[outcome].en} (${counts.en}).${why.en}`,
  };
}

/** What the pépins' history and their followers read when the proposal goes back to design. */
export function backToDesignMessage(
  proposal: ProposalSubject,
  outcome: VoteOutcome,
  reasons: readonly string[],
  max: number,
): string {
  const head = `Vote sur la proposition ${proposal.reference} : ${OUTCOME_TEXT[outcome].fr}.`;
  const text = reasons.length > 0 ? `${head} Motifs : ${reasons.join(' ; ')}` : head;
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}
