import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { formatDuration, formatMonth } from './insights-format';
import { CHART_COLOURS } from './palette';

type LeadTime = InsightsDashboardQuery['insights']['leadTime'];

/** Median lead time pépin → pépite per month, as bars in days. */
export function LeadTimeChart({ leadTime }: { leadTime: LeadTime }) {
  const { t } = useTranslation('insights');
  const data = leadTime.perMonth.map((month) => ({
    label: formatMonth(month.month),
    days: month.medianHours === null || month.medianHours === undefined ? 0 : Math.round((month.medianHours / 24) * 10) / 10,
  }));
  return (
    <ChartSection
      id="insights-lead-time"
      title={t('leadTime.heading')}
      hint={t('leadTime.hint')}
      emptyText={t('leadTime.empty')}
      isEmpty={leadTime.perMonth.length === 0}
      table={
        <table>
          <caption className="visually-hidden">{t('leadTime.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('leadTime.month')}</th>
              <th scope="col">{t('leadTime.median')}</th>
              <th scope="col">{t('leadTime.count')}</th>
            </tr>
          </thead>
          <tbody>
            {leadTime.perMonth.map((month) => (
              <tr key={month.month}>
                <th scope="row">{formatMonth(month.month)}</th>
                <td>{formatDuration(month.medianHours)}</td>
                <td>{formatNumber(month.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Every group labelled (recharts skips labels that would touch), slanted to fit a phone. */}
          <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={64} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} unit={t('dayUnit')} width={56} />
          <Tooltip />
          <Bar dataKey="days" name={t('leadTime.series')} fill={CHART_COLOURS.blue} />
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}
