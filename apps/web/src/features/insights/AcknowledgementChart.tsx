import { useTranslation } from 'react-i18next';
import { Bar } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { ColumnChart } from './ColumnChart';
import { formatDay } from './insights-format';
import { CHART_COLOURS } from './palette';
import { DataTable } from '../../ui/DataTable';

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
        <DataTable
          caption={t('sla.caption')}
          columns={[t('sla.week'), t('sla.onTime'), t('sla.late'), t('sla.overdue')]}
          footer={
            <tr>
              <th scope="row">{t('sla.total')}</th>
              <td>{formatNumber(acknowledgement.onTime)}</td>
              <td>{formatNumber(acknowledgement.late)}</td>
              <td>{formatNumber(acknowledgement.overdue)}</td>
            </tr>
          }
        >
          {acknowledgement.weekly.map((week) => (
            <tr key={week.week}>
              <th scope="row">{formatDay(week.week)}</th>
              <td>{formatNumber(week.onTime)}</td>
              <td>{formatNumber(week.late)}</td>
              <td>{formatNumber(week.overdue)}</td>
            </tr>
          ))}
        </DataTable>
      }
    >
      <ColumnChart data={data} legend>
        <Bar dataKey="onTime" stackId="sla" name={t('sla.onTime')} fill={CHART_COLOURS.blue} />
        <Bar dataKey="late" stackId="sla" name={t('sla.late')} fill={CHART_COLOURS.vermillion} />
        <Bar dataKey="overdue" stackId="sla" name={t('sla.overdue')} fill={CHART_COLOURS.grey} />
      </ColumnChart>
    </ChartSection>
  );
}
