import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { formatNumber } from '../../ui/format';
import { EmptyState, ErrorAlert, ErrorBanner, Loading } from '../../ui/states';
import { DataTable } from '../../ui/DataTable';

const SearchGapsDocument = graphql(`
  query InsightsSearchGaps($siteId: ID) {
    searchGaps(siteId: $siteId) {
      from
      to
      trendDays
      searches {
        query
        total
        recent
        previous
      }
    }
  }
`);

const FileSearchGapDocument = graphql(`
  mutation InsightsFileSearchGap($input: FileSearchGapPepinInput!) {
    fileSearchGapPepin(input: $input) {
      id
      reference
      title
    }
  }
`);

const AcknowledgeDocument = graphql(`
  mutation InsightsAcknowledgeSearchGapPepin($id: ID!) {
    acknowledgePepin(id: $id) {
      id
    }
  }
`);

/**
 * What operators searched on their desktop and did not find (issue 19): per site and day,
 * with no person. One click files a "no rule covers this" pépin, or starts a proposal from it.
 */
export function SearchGapsSection({ siteId }: { siteId: string | null }) {
  const { t } = useTranslation('insights');
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(SearchGapsDocument, { variables: { siteId } });
  const [file, filing] = useMutation(FileSearchGapDocument);
  const [acknowledge, acknowledging] = useMutation(AcknowledgeDocument);
  const [filed, setFiled] = useState<{ id: string; reference: string }>();
  const gaps = data?.searchGaps;

  const toPepin = async (query: string) => {
    const result = await file({ variables: { input: { query } } }).catch(() => null);
    const pepin = result?.data?.fileSearchGapPepin;
    if (pepin) setFiled(pepin);
    return pepin;
  };
  const toProposal = async (query: string) => {
    const pepin = await toPepin(query);
    if (!pepin) return;
    // A proposal answers acknowledged pépins: the one just filed is acknowledged on the way.
    await acknowledge({ variables: { id: pepin.id } }).catch(() => null);
    void navigate(`/proposals/new?pepins=${pepin.id}`);
  };

  return (
    <section className="card stack insights-section" aria-labelledby="insights-gaps-heading">
      <h2 id="insights-gaps-heading">{t('gaps.heading')}</h2>
      <p className="hint">{t('gaps.hint')}</p>
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {!gaps && !error && <Loading />}
      {(filing.error ?? acknowledging.error) && <ErrorAlert error={filing.error ?? acknowledging.error} />}
      <p role="status">
        {filed && <Link to={`/triage/${filed.id}`}>{t('gaps.filed', { reference: filed.reference })}</Link>}
      </p>
      {gaps && gaps.searches.length === 0 && <EmptyState title={t('gaps.empty')} />}
      {gaps && gaps.searches.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('gaps.caption')} tabIndex={0}>
          <DataTable
            caption={t('gaps.caption')}
            columns={[t('gaps.query'), t('gaps.total'), t('gaps.trend', { days: gaps.trendDays }), t('gaps.actions')]}
          >
            {gaps.searches.map((gap) => (
              <tr key={gap.query}>
                <th scope="row">« {gap.query} »</th>
                <td>{formatNumber(gap.total)}</td>
                <td>
                  {t(gap.recent > gap.previous ? 'gaps.up' : gap.recent < gap.previous ? 'gaps.down' : 'gaps.flat', {
                    recent: formatNumber(gap.recent),
                    previous: formatNumber(gap.previous),
                  })}
                </td>
                <td>
                  <div className="row">
                    <button type="button" disabled={filing.loading} onClick={() => void toPepin(gap.query)}>
                      {t('gaps.toPepin')}
                      <span className="visually-hidden"> « {gap.query} »</span>
                    </button>
                    <button
                      type="button"
                      disabled={filing.loading || acknowledging.loading}
                      onClick={() => void toProposal(gap.query)}
                    >
                      {t('gaps.toProposal')}
                      <span className="visually-hidden"> « {gap.query} »</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
