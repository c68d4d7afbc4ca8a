import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../../auth/auth-context';
import { graphql } from '../../../gql';
import { formatDateTime, formatRelative } from '../../../ui/format';
import { Page } from '../../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { BallotForm } from './BallotForm';
import { EndVoteAction } from './EndVoteAction';
import { ProposalStatusBadge } from '../proposals/ProposalStatusBadge';
import { QuorumProgress } from './QuorumProgress';
import { DataTable } from '../../../ui/DataTable';

const VoteDocument = graphql(`
  query CodesignVote($id: ID!) {
    proposal(id: $id) {
      id
      reference
      title
      status
    }
    proposalVote(proposalId: $id) {
      id
      status
      outcome
      openedAt
      closesAt
      closedAt
      quorum
      castCount
      electorateSize
      resultsHidden
      revision
      tally {
        approve
        reject
        abstain
        cast
      }
      myBallot {
        choice
        reason
      }
      ballots {
        choice
        reason
        manager {
          id
          displayName
        }
      }
      rejectReasons
      canCancel
      canClose
    }
  }
`);

const CloseVoteDocument = graphql(`
  mutation CodesignCloseVote($proposalId: ID!) {
    closeVote(proposalId: $proposalId) {
      id
      status
      outcome
    }
  }
`);

const CancelVoteDocument = graphql(`
  mutation CodesignCancelVote($proposalId: ID!) {
    cancelVote(proposalId: $proposalId) {
      id
      status
      outcome
    }
  }
`);

/** The vote on a proposal: quorum, deadline, tally when visible, my ballot; managers vote here. */
export function VotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('codesign');
  const user = useCurrentUser();
  // Others vote meanwhile: a slow poll keeps the count honest without a subscription.
  const { data, loading, error, refetch } = useQuery(VoteDocument, { variables: { id }, pollInterval: 15000 });
  const [cancel, cancelled] = useMutation(CancelVoteDocument);
  const [close, closed] = useMutation(CloseVoteDocument);
  const proposal = data?.proposal;
  const vote = data?.proposalVote;
  const end = (mutate: typeof close | typeof cancel) =>
    mutate({ variables: { proposalId: id } })
      .then(() => refetch())
      .catch(() => undefined);
  const manager = user.role !== 'OPERATOR';

  if (!proposal) {
    return (
      <Page title={t('vote.title')}>
        {error ? <ErrorBanner error={error} onRetry={() => void refetch()} /> : loading && <Loading />}
      </Page>
    );
  }

  return (
    <Page title={t('vote.titleOf', { title: proposal.title })}>
      <div className="stack codesign">
        <div className="row">
          <Link to={`/proposals/${proposal.id}`}>{t('vote.backToProposal', { reference: proposal.reference })}</Link>
          <ProposalStatusBadge status={proposal.status} />
        </div>
        {!vote ? (
          <EmptyState title={t('vote.none')} />
        ) : (
          <>
            <section aria-labelledby="vote-state" className="card stack">
              <h2 id="vote-state">{vote.status === 'OPEN' ? t('vote.stateOpen') : t('vote.stateClosed')}</h2>
              <p>{t('vote.revision', { number: vote.revision })}</p>
              <QuorumProgress cast={vote.castCount} quorum={vote.quorum} electorate={vote.electorateSize} />
              {vote.status === 'OPEN' ? (
                <p>
                  {t('vote.closesIn', { relative: formatRelative(vote.closesAt), date: formatDateTime(vote.closesAt) })}
                </p>
              ) : (
                <p role="status">
                  <strong>{t(`vote.outcome.${vote.outcome ?? 'NO_QUORUM'}`)}</strong> —{' '}
                  {t('vote.closedAt', { date: formatDateTime(vote.closedAt) })}
                </p>
              )}
            </section>

            <section aria-labelledby="vote-tally" className="card">
              <h2 id="vote-tally">{t('vote.tally')}</h2>
              {vote.tally ? (
                <ul>
                  <li>{t('vote.approveCount', { count: vote.tally.approve })}</li>
                  <li>{t('vote.rejectCount', { count: vote.tally.reject })}</li>
                  <li>{t('vote.abstainCount', { count: vote.tally.abstain })}</li>
                </ul>
              ) : (
                <p className="muted">{vote.resultsHidden ? t('vote.hidden') : t('vote.hiddenForOperators')}</p>
              )}
              {vote.ballots && vote.ballots.length > 0 && (
                <div className="table-wrap">
                  <DataTable
                    caption={t('vote.ballots')}
                    columns={[t('vote.manager'), t('vote.choice'), t('vote.reason')]}
                  >
                    {vote.ballots.map((ballot) => (
                      <tr key={ballot.manager.id}>
                        <th scope="row">{ballot.manager.displayName}</th>
                        <td>{t(`vote.choiceLabel.${ballot.choice}`)}</td>
                        <td>{ballot.reason ?? '—'}</td>
                      </tr>
                    ))}
                  </DataTable>
                </div>
              )}
              {vote.rejectReasons && vote.rejectReasons.length > 0 && (
                <>
                  <h3>{t('vote.rejectReasons')}</h3>
                  <ul>
                    {vote.rejectReasons.map((reason, index) => (
                      <li key={index}>{reason}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>

            {manager && (
              <section aria-labelledby="my-ballot" className="card stack">
                <h2 id="my-ballot">{t('vote.myBallot')}</h2>
                {vote.myBallot ? (
                  <p role="status">
                    {t('vote.youVoted', { choice: t(`vote.choiceLabel.${vote.myBallot.choice}`) })}
                    {vote.myBallot.reason ? ` — ${vote.myBallot.reason}` : ''}
                  </p>
                ) : (
                  <p className="muted">{t('vote.notYet')}</p>
                )}
                {vote.status === 'OPEN' && (
                  <BallotForm proposalId={proposal.id} current={vote.myBallot ?? null} onCast={() => void refetch()} />
                )}
              </section>
            )}

            {vote.canClose && (
              <EndVoteAction
                kind="close"
                error={closed.error}
                loading={closed.loading}
                onConfirmed={() => void end(close)}
              />
            )}
            {vote.canCancel && (
              <EndVoteAction
                kind="cancel"
                error={cancelled.error}
                loading={cancelled.loading}
                onConfirmed={() => void end(cancel)}
              />
            )}
          </>
        )}
      </div>
    </Page>
  );
}
