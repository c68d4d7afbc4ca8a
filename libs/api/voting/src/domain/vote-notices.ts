import { VoteOutcome, type Tally } from './vote';

export interface ProposalSubject {
  readonly reference: string;
  readonly title: string;
}

/**
 * The parameters of a VOTE_OPENED notification: the notifications context's renderer words
 * it in each reader's language, the closing time in their time zone.
 */
export function voteOpenedParams(proposal: ProposalSubject, closesAt: Date): Record<string, string> {
  return { reference: proposal.reference, title: proposal.title, closesAt: closesAt.toISOString() };
}

/** The parameters of a VOTE_CLOSED notification: outcome, counts and the reasons given against. */
export function voteClosedParams(
  proposal: ProposalSubject,
  outcome: VoteOutcome,
  tally: Tally,
  reasons: readonly string[],
): Record<string, string | number | string[]> {
  return {
    reference: proposal.reference,
    title: proposal.title,
    outcome,
    approve: tally.approve,
    reject: tally.reject,
    abstain: tally.abstain,
    reasons: [...reasons],
  };
}

/** The history line's words (the pépins' timeline is written once, in French). */
const OUTCOME_TEXT: Record<VoteOutcome, string> = {
  [VoteOutcome.APPROVED]: 'approuvée',
  [VoteOutcome.REJECTED]: 'rejetée et renvoyée en conception',
  [VoteOutcome.NO_QUORUM]: 'renvoyée en conception faute de quorum',
  [VoteOutcome.CANCELLED]: 'renvoyée en conception (vote annulé)',
};

/** What the pépins' history reads when the proposal goes back to design. */
export function backToDesignMessage(
  proposal: ProposalSubject,
  outcome: VoteOutcome,
  reasons: readonly string[],
  max: number,
): string {
  const head = `Vote sur la proposition ${proposal.reference} : ${OUTCOME_TEXT[outcome]}.`;
  const text = reasons.length > 0 ? `${head} Motifs : ${reasons.join(' ; ')}` : head;
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}
