import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import type { ProposalStatus } from '../../../gql/graphql';
import { formatRelative } from '../../../ui/format';

const VoteSummaryDocument = graphql(`
  query CodesignVoteSummary($proposalId: ID!) {
    proposalVote(proposalId: $proposalId) {
      id
      status
      outcome
      castCount
      quorum
      closesAt
      approvalsNeeded
      tally {
        cast
      }
    }
  }
`);

interface Props {
  proposalId: string;
  status: ProposalStatus;
  /** The reader wrote it alone: four eyes keep them from publishing it. Unknown in lists. */
  soleAuthor?: boolean;
}

/**
 * One line saying what stands between the proposal and publication: the design, the
 * approvals still needed, another manager (four eyes), or nothing ("prête à publier").
 */
export function VoteSummary({ proposalId, status, soleAuthor = false }: Props) {
  const { t } = useTranslation('codesign');
  const { data } = useQuery(VoteSummaryDocument, { variables: { proposalId }, skip: status === 'IN_DESIGN' });
  const vote = data?.proposalVote;
  const link = vote && <Link to={`/proposals/${proposalId}/vote`}>{t('vote.open')}</Link>;
  let text: string;
  if (status === 'IN_DESIGN' || status === 'DRAFT') {
    text = vote?.outcome ? t('next.backInDesign', { outcome: t(`vote.outcome.${vote.outcome}`) }) : t('next.inDesign');
  } else if (status === 'APPROVED') {
    text = soleAuthor ? t('next.fourEyes') : t('next.ready');
  } else if (status === 'PUBLISHED') {
    text = t('next.published');
  } else if (!vote || vote.status !== 'OPEN') {
    text = t('vote.summaryClosed', { outcome: t(`vote.outcome.${vote?.outcome ?? 'NO_QUORUM'}`) });
  } else {
    const closes = formatRelative(vote.closesAt);
    if (vote.approvalsNeeded != null) text = t('next.approvalsNeeded', { count: vote.approvalsNeeded, closes });
    else if (vote.tally) text = t('next.cannotPass', { closes });
    else text = t('vote.summaryOpen', { cast: vote.castCount, quorum: vote.quorum, closes });
  }
  return (
    <p role="status" className="next-step">
      {text} {link}
    </p>
  );
}
