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
