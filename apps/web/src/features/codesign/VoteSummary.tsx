import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { formatRelative } from '../../ui/format';

const VoteSummaryDocument = graphql(`
  query CodesignVoteSummary($proposalId: ID!) {
    proposalVote(proposalId: $proposalId) {
      id
      status
      outcome
      castCount
      quorum
      closesAt
    }
  }
`);

/** One line on a proposal's vote: ballots against quorum and the deadline, or how it ended. */
export function VoteSummary({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('codesign');
  const { data } = useQuery(VoteSummaryDocument, { variables: { proposalId } });
  const vote = data?.proposalVote;
  if (!vote) return null;
  return (
    <p>
      {vote.status === 'OPEN'
        ? t('vote.summaryOpen', { cast: vote.castCount, quorum: vote.quorum, closes: formatRelative(vote.closesAt) })
        : t('vote.summaryClosed', { outcome: t(`vote.outcome.${vote.outcome ?? 'NO_QUORUM'}`) })}{' '}
      <Link to={`/proposals/${proposalId}/vote`}>{t('vote.open')}</Link>
    </p>
  );
}
