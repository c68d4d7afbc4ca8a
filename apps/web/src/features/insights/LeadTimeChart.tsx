import { useTranslation } from 'react-i18next';
import { Bar, YAxis } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { ColumnChart } from './ColumnChart';
import { formatDuration, formatMonth } from './insights-format';
import { CHART_COLOURS } from './palette';
import { DataTable } from '../../ui/DataTable';

type LeadTime = InsightsDashboardQuery['insights']['leadTime'];

/** Median lead time pépin → pépite per month, as bars in days. */
export function LeadTimeChart({ leadTime }: { leadTime: LeadTime }) {
  const { t } = useTranslation('insights');
  const data = leadTime.perMonth.map((month) => ({
    label: formatMonth(month.month),
    days:
      month.medianHours === null || month.medianHours === undefined
        ? 0
        : Math.round((month.medianHours / 24) * 10) / 10,
  }));
  return (
    <ChartSection
      id="insights-lead-time"
      title={t('leadTime.heading')}
      hint={t('leadTime.hint')}
      emptyText={t('leadTime.empty')}
      isEmpty={leadTime.perMonth.length === 0}
      table={
        <DataTable
          caption={t('leadTime.caption')}
          columns={[t('leadTime.month'), t('leadTime.median'), t('leadTime.count')]}
        >
          {leadTime.perMonth.map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonth(month.month)}</th>
              <td>{formatDuration(month.medianHours)}</td>
              <td>{formatNumber(month.count)}</td>
            </tr>
          ))}
        </DataTable>
      }
    >
      <ColumnChart data={data} yAxis={<YAxis allowDecimals={false} unit={t('dayUnit')} width={56} />}>
        <Bar dataKey="days" name={t('leadTime.series')} fill={CHART_COLOURS.blue} />
      </ColumnChart>
    </ChartSection>
  );
}
