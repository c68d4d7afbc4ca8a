import { useTranslation } from 'react-i18next';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { formatDuration, formatPercent } from './insights-format';

type Insights = InsightsDashboardQuery['insights'];

/** The three numbers a manager looks at first, and how many pépites they rest on. */
export function KeyFigures({ insights }: { insights: Insights }) {
  const { t } = useTranslation('insights');
  const { leadTime, acknowledgement } = insights;
  const due = acknowledgement.onTime + acknowledgement.late + acknowledgement.overdue;
  const figures = [
    { key: 'median', value: formatDuration(leadTime.medianHours) },
    { key: 'p90', value: formatDuration(leadTime.p90Hours) },
    {
      key: 'compliance',
      value: formatPercent(acknowledgement.compliance),
      detail:
        due > 0
          ? t('figures.complianceDetail', { onTime: formatNumber(acknowledgement.onTime), total: formatNumber(due) })
          : null,
    },
    { key: 'pepites', value: formatNumber(leadTime.count) },
  ];
  return (
    <section className="stack" aria-labelledby="insights-figures-heading">
      <h2 id="insights-figures-heading">{t('figures.heading')}</h2>
      <dl className="insights-figures">
        {figures.map((figure) => (
          <div key={figure.key} className="card insights-figure">
            <dt>{t(`figures.${figure.key}`)}</dt>
            <dd className="insights-figure-value">{figure.value === '—' ? t('figures.none') : figure.value}</dd>
            {figure.detail && <dd className="hint">{figure.detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
