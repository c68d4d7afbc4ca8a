import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { formatDay } from './insights-format';
import { CHART_COLOURS } from './palette';

type Acknowledgement = InsightsDashboardQuery['insights']['acknowledgement'];

/** The acknowledgement promise per due week: on time, late, still overdue, stacked. */
export function AcknowledgementChart({ acknowledgement }: { acknowledgement: Acknowledgement }) {
  const { t } = useTranslation('insights');
  const data = acknowledgement.weekly.map((week) => ({ ...week, label: formatDay(week.week) }));
  return (
    <ChartSection
      id="insights-sla"
      title={t('sla.heading')}
      hint={t('sla.hint')}
      emptyText={t('sla.empty')}
      isEmpty={acknowledgement.weekly.length === 0}
      table={
        <table>
          <caption className="visually-hidden">{t('sla.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sla.week')}</th>
              <th scope="col">{t('sla.onTime')}</th>
              <th scope="col">{t('sla.late')}</th>
              <th scope="col">{t('sla.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {acknowledgement.weekly.map((week) => (
              <tr key={week.week}>
                <th scope="row">{formatDay(week.week)}</th>
                <td>{formatNumber(week.onTime)}</td>
                <td>{formatNumber(week.late)}</td>
                <td>{formatNumber(week.overdue)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sla.total')}</th>
              <td>{formatNumber(acknowledgement.onTime)}</td>
              <td>{formatNumber(acknowledgement.late)}</td>
              <td>{formatNumber(acknowledgement.overdue)}</td>
            </tr>
          </tfoot>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Every group labelled (recharts skips labels that would touch), slanted to fit a phone. */}
          <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={64} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar dataKey="onTime" stackId="sla" name={t('sla.onTime')} fill={CHART_COLOURS.blue} />
          <Bar dataKey="late" stackId="sla" name={t('sla.late')} fill={CHART_COLOURS.vermillion} />
          <Bar dataKey="overdue" stackId="sla" name={t('sla.overdue')} fill={CHART_COLOURS.grey} />
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}
