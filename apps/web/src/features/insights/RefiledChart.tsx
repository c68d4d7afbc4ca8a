import { useTranslation } from 'react-i18next';
import { Bar, YAxis } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { ColumnChart } from './ColumnChart';
import { CHART_COLOURS } from './palette';
import { DataTable } from '../../ui/DataTable';

type Refiled = InsightsDashboardQuery['insights']['refiledAfterChange'][number];

const rate = (value: number) => formatNumber(value, { maximumFractionDigits: 2 });

/**
 * "Did it work?": pépins per day on each changed rule before and after its release. Rates,
 * not counts, are drawn: the after window may be shorter than 30 days so far.
 */
export function RefiledChart({ changes }: { changes: readonly Refiled[] }) {
  const { t } = useTranslation('insights');
  const data = changes.map((change) => ({
    label: `${change.ruleKey} (v${change.version})`,
    before: Math.round(change.beforePerDay * 100) / 100,
    after:
      change.afterPerDay === null || change.afterPerDay === undefined
        ? null
        : Math.round(change.afterPerDay * 100) / 100,
  }));
  return (
    <ChartSection
      id="insights-refiled"
      title={t('refiled.heading')}
      hint={t('refiled.hint')}
      emptyText={t('refiled.empty')}
      isEmpty={changes.length === 0}
      table={
        <DataTable
          caption={t('refiled.caption')}
          columns={[
            t('refiled.rule'),
            t('refiled.release'),
            t('refiled.before'),
            t('refiled.after'),
            t('refiled.days'),
            t('refiled.perDay'),
          ]}
        >
          {changes.map((change) => (
            <tr key={`${change.ruleKey}-${change.version}`}>
              <th scope="row">
                {change.ruleKey} ({t(`refiled.kind.${change.kind}`, { defaultValue: change.kind })})
                {change.title && <span className="hint"> — {change.title}</span>}
              </th>
              <td>{t('refiled.releaseValue', { version: change.version, date: formatDate(change.publishedAt) })}</td>
              <td>{formatNumber(change.before)}</td>
              <td>{formatNumber(change.after)}</td>
              <td>{formatNumber(change.daysAfter, { maximumFractionDigits: 1 })}</td>
              <td>
                {t('refiled.rate', {
                  before: rate(change.beforePerDay),
                  after:
                    change.afterPerDay === null || change.afterPerDay === undefined
                      ? t('refiled.tooEarly')
                      : rate(change.afterPerDay),
                })}
              </td>
            </tr>
          ))}
        </DataTable>
      }
    >
      <ColumnChart data={data} yAxis={<YAxis />} legend>
        <Bar dataKey="before" name={t('refiled.before')} fill={CHART_COLOURS.grey} />
        <Bar dataKey="after" name={t('refiled.after')} fill={CHART_COLOURS.blue} />
      </ColumnChart>
    </ChartSection>
  );
}
