import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/page';
import { StatusBadge } from '../../ui/StatusBadge';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { SlaBadge } from './SlaBadge';
import { WithdrawSupportButton } from './WithdrawSupportButton';
import { DataTable } from '../../ui/DataTable';

const MyPepinsDocument = graphql(`
  query OperatorMyPepins {
    myPepins(first: 50) {
      relation
      signed
      since
      pepin {
        id
        reference
        title
        status
        ruleKey
        ruleVersion
        noRuleApplies
        ackDueAt
        acknowledgedAt
        overdue
      }
    }
  }
`);

/** /my-pepins: what the operator filed or supports, and where each one stands. */
export function MyPepinsPage() {
  const { t } = useTranslation('operator');
  const { data, loading, error, refetch } = useQuery(MyPepinsDocument);
  const rows = data?.myPepins ?? [];

  return (
    <Page title={t('mine.title')} actions={<Link to="/pepins/new">{t('mine.fileOne')}</Link>}>
      <p className="muted">{t('mine.intro')}</p>
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {data && rows.length === 0 && (
        <EmptyState title={t('mine.empty')}>
          <Link to="/pepins/new">{t('mine.fileOne')}</Link>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <DataTable
            caption={t('mine.caption')}
            columns={[t('mine.subject'), t('mine.status'), t('mine.rule'), t('mine.filed'), t('mine.sla')]}
          >
            {rows.map(({ pepin, relation, signed, since }) => (
              <tr key={pepin.id}>
                <th scope="row">
                  <Link to={`/my-pepins/${pepin.id}`}>
                    {pepin.reference} — {pepin.title}
                  </Link>
                  <div className="hint">
                    {t(`mine.relation.${relation}`)} ({signed ? t('mine.signedYes') : t('mine.signedNo')})
                  </div>
                  {relation === 'SUPPORTER' && ['NEW', 'ACKNOWLEDGED', 'IN_DESIGN', 'IN_VOTE'].includes(pepin.status) && (
                    <WithdrawSupportButton pepinId={pepin.id} reference={pepin.reference} onWithdrawn={() => void refetch()} />
                  )}
                </th>
                <td>
                  <StatusBadge status={pepin.status} />
                  {pepin.status === 'PUBLISHED' && (
                    <div>
                      <span className="badge operator-pepite-mark">{t('mine.pepite')}</span>
                    </div>
                  )}
                </td>
                <td>
                  {pepin.ruleKey
                    ? pepin.ruleVersion
                      ? t('mine.ruleVersion', { key: pepin.ruleKey, version: pepin.ruleVersion })
                      : pepin.ruleKey
                    : t('mine.noRule')}
                </td>
                <td>{formatDate(since)}</td>
                <td>
                  <SlaBadge pepin={pepin} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Page>
  );
}
