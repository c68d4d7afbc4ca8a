import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import type { ProposalStatus } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { CursorPager } from '../CursorPager';
import { ProposalStatusBadge } from './ProposalStatusBadge';
import { VoteSummary } from '../votes/VoteSummary';

const ProposalsDocument = graphql(`
  query CodesignProposals($status: ProposalStatus, $first: Int!, $after: String) {
    proposals(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          reference
          title
          status
          updatedAt
          commentCount
          endorsementCount
          pepins {
            id
            reference
            title
          }
        }
      }
    }
  }
`);

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'DRAFT',
  'IN_DESIGN',
  'IN_VOTE',
  'APPROVED',
  'REJECTED',
  'PUBLISHED',
  'WITHDRAWN',
];
const PAGE_SIZE = 20;

/** Every proposal of the site, newest first, filtered by status; pages through cursors. */
export function ProposalsPage() {
  const { t } = useTranslation('codesign');
  const [status, setStatus] = useState<ProposalStatus | ''>('');
  // Cursors of the pages already passed, so "previous" needs no backward paging in the API.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(ProposalsDocument, {
    variables: { status: status || null, first: PAGE_SIZE, after },
  });
  const connection = data?.proposals;

  return (
    <Page title={t('list.title')}>
      <div className="stack codesign">
        <div className="row">
          <label>
            {t('list.filter')}
            <select
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as ProposalStatus | '');
                setCursors([null]);
              }}
            >
              <option value="">{t('list.allStatuses')}</option>
              {PROPOSAL_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`proposalStatus.${value}`)}
                </option>
              ))}
            </select>
          </label>
          {connection && (
            <p className="muted" aria-live="polite">
              {t('list.count', { count: connection.totalCount })}
            </p>
          )}
        </div>
        {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
        {loading && !connection && <Loading />}
        {connection && connection.edges.length === 0 && (
          <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>
        )}
        {connection && connection.edges.length > 0 && (
          <ul className="stack proposal-list">
            {connection.edges.map(({ node }) => (
              <li key={node.id} className="card stack">
                <h2 className="proposal-title">
                  <Link to={`/proposals/${node.id}`}>{node.title}</Link>
                </h2>
                <div className="row">
                  <span className="muted">{node.reference}</span>
                  <ProposalStatusBadge status={node.status} />
                  <span>{t('list.comments', { count: node.commentCount })}</span>
                  <span>{t('list.endorsements', { count: node.endorsementCount })}</span>
                  <span className="muted">{t('list.updated', { date: formatDateTime(node.updatedAt) })}</span>
                </div>
                {node.pepins.length > 0 && (
                  <p>
                    {t('list.answers')} {node.pepins.map((pepin) => `${pepin.reference} ${pepin.title}`).join(' · ')}
                  </p>
                )}
                {(node.status === 'IN_VOTE' || node.status === 'APPROVED' || node.status === 'REJECTED') && (
                  <VoteSummary proposalId={node.id} status={node.status} />
                )}
              </li>
            ))}
          </ul>
        )}
        <CursorPager cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo} />
      </div>
    </Page>
  );
}
