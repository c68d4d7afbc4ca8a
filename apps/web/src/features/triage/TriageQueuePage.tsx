import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../ui/format';
import { Page } from '../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { BulkAcknowledge } from './BulkAcknowledge';
import { QUEUE_PAGE_SIZE, TriageQueueDocument } from './queue-documents';
import { queueFilter, readQueueParams, writeQueueParams, type QueueParams } from './queue-params';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';
import { StatusTabs } from './StatusTabs';

/** /triage: the site's pépins, filtered and sorted from the URL, with bulk acknowledgement. */
export function TriageQueuePage() {
  const { t } = useTranslation('triage');
  const [search, setSearch] = useSearchParams();
  const params = readQueueParams(search);
  const apply = (next: QueueParams) => setSearch(writeQueueParams(next));
  // A new view starts with a fresh selection and fresh filter fields.
  return (
    <Page title={t('queue.title')}>
      <p className="muted triage-queue-intro">{t('queue.intro')}</p>
      <QueueView key={writeQueueParams(params).toString()} params={params} onApply={apply} />
    </Page>
  );
}

function QueueView({ params, onApply }: { params: QueueParams; onApply: (next: QueueParams) => void }) {
  const { t } = useTranslation('triage');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, error, refetch, fetchMore } = useQuery(TriageQueueDocument, {
    variables: { filter: queueFilter(params), first: QUEUE_PAGE_SIZE, orderBy: params.order },
    notifyOnNetworkStatusChange: false,
  });
  const connection = data?.pepins;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (ids: readonly string[], select: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          pepins: {
            ...fetchMoreResult.pepins,
            edges: [...previous.pepins.edges, ...fetchMoreResult.pepins.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  // Selected ids still on screen and still NEW (a refetch may have moved some).
  const chosen = rows.filter((row) => row.status === 'NEW' && selected.has(row.id)).map((row) => row.id);

  return (
    <div className="stack triage-queue">
      {connection && <StatusTabs params={params} counts={connection.countsByStatus} />}
      <QueueFilters params={params} onApply={onApply} />
      <BulkAcknowledge
        ids={chosen}
        onDone={() => {
          setSelected(new Set());
          void refetch();
        }}
      />
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {!connection && !error && <Loading />}
      {connection && (
        <section aria-labelledby="triage-results" className="stack">
          <h2 id="triage-results" className="triage-results">{t('queue.results', { count: connection.totalCount })}</h2>
          {rows.length === 0 ? (
            <EmptyState title={t('queue.empty')}>
              <p>{t('queue.emptyHint')}</p>
            </EmptyState>
          ) : (
            <QueueTable rows={rows} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
          )}
          {rows.length > 0 && (
            <div className="row">
              <span className="muted">
                {t('queue.shown', { shown: formatNumber(rows.length), total: formatNumber(connection.totalCount) })}
              </span>
              {connection.pageInfo.hasNextPage && (
                <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
                  {t('queue.loadMore')}
                </button>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
