import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { CursorPager } from '../CursorPager';
import { DataTable } from '../../../ui/DataTable';

const ReleasesDocument = graphql(`
  query CodesignReleases($first: Int!, $after: String) {
    releases(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          version
          publishedAt
          notes
          ruleCount
          answeredPepins
          proposals
          changes {
            added
            amended
            retired
            restoredFrom
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** Every published version, newest first: what it changed and which pépins it answered. */
export function ReleasesPage() {
  const { t } = useTranslation('codesign');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, loading, error, refetch } = useQuery(ReleasesDocument, {
    variables: { first: PAGE_SIZE, after: cursors[cursors.length - 1] },
  });
  const connection = data?.releases;

  return (
    <Page title={t('releases.title')} actions={<Link to="/releases/compare">{t('releases.compareAny')}</Link>}>
      <div className="stack codesign">
        {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
        {loading && !connection && <Loading />}
        {connection && connection.edges.length === 0 && <EmptyState title={t('releases.empty')} />}
        {connection && connection.edges.length > 0 && (
          <div className="table-wrap">
            <DataTable
              caption={t('releases.caption', { count: connection.totalCount })}
              columns={[t('releases.version'), t('releases.publishedAt'), t('releases.notes'), t('releases.changes'), t('releases.pepites'), t('releases.compare')]}
            >
              {connection.edges.map(({ node }) => (
                <tr key={node.version}>
                  <th scope="row">{t('releases.versionN', { version: node.version })}</th>
                  <td>{formatDateTime(node.publishedAt)}</td>
                  <td className="prewrap">{node.notes ?? '—'}</td>
                  <td>
                    <ul className="plain">
                      {node.changes.added.length > 0 && (
                        <li>{t('releases.added', { list: node.changes.added.join(', ') })}</li>
                      )}
                      {node.changes.amended.length > 0 && (
                        <li>{t('releases.amended', { list: node.changes.amended.join(', ') })}</li>
                      )}
                      {node.changes.retired.length > 0 && (
                        <li>{t('releases.retired', { list: node.changes.retired.join(', ') })}</li>
                      )}
                      {node.proposals.length > 0 && (
                        <li>{t('releases.proposals', { list: node.proposals.join(', ') })}</li>
                      )}
                      {node.changes.restoredFrom != null && (
                        <li>{t('releases.restoredFrom', { version: node.changes.restoredFrom })}</li>
                      )}
                      <li className="muted">{t('releases.ruleCount', { count: node.ruleCount })}</li>
                    </ul>
                  </td>
                  <td>{node.answeredPepins.length > 0 ? node.answeredPepins.join(', ') : '—'}</td>
                  <td>
                    {node.version > 1 ? (
                      <Link to={`/releases/compare?from=${node.version - 1}&to=${node.version}`}>
                        {t('releases.compareWithPrevious', { version: node.version, previous: node.version - 1 })}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
        <CursorPager cursors={cursors} onChange={setCursors} pageInfo={connection?.pageInfo} />
      </div>
    </Page>
  );
}
