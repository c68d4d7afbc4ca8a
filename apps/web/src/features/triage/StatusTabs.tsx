import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PepinStatus } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { PEPIN_STATUSES, writeQueueParams, type QueueParams } from './queue-params';

/** One link per status with its count under the other filters: a tab is a shareable URL. */
export function StatusTabs({
  params,
  counts,
}: {
  params: QueueParams;
  counts: readonly { readonly status: PepinStatus; readonly count: number }[];
}) {
  const { t } = useTranslation('triage');
  const { t: common } = useTranslation();
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const countOf = (status: PepinStatus) => counts.find((entry) => entry.status === status)?.count ?? 0;
  const tabs: { status: PepinStatus | null; label: string; count: number }[] = [
    { status: null, label: t('queue.all'), count: total },
    ...PEPIN_STATUSES.map((status) => ({ status, label: common(`status.${status}`), count: countOf(status) })),
  ];
  return (
    <nav aria-label={t('queue.statusTabs')}>
      <ul className="triage-tabs">
        {tabs.map((tab) => {
          const current = tab.status === params.status;
          const search = writeQueueParams({ ...params, status: tab.status }).toString();
          return (
            <li key={tab.status ?? 'ALL'}>
              <Link to={{ search }} aria-current={current ? 'page' : undefined} className={current ? 'active' : ''}>
                {t('queue.tab', { label: tab.label, count: formatNumber(tab.count) })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
