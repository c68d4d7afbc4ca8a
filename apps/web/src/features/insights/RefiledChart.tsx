import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { CHART_COLOURS } from './palette';

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
    after: change.afterPerDay === null || change.afterPerDay === undefined ? null : Math.round(change.afterPerDay * 100) / 100,
  }));
  return (
    <ChartSection
      id="insights-refiled"
      title={t('refiled.heading')}
      hint={t('refiled.hint')}
      emptyText={t('refiled.empty')}
      isEmpty={changes.length === 0}
      table={
        <table>
          <caption className="visually-hidden">{t('refiled.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('refiled.rule')}</th>
              <th scope="col">{t('refiled.release')}</th>
              <th scope="col">{t('refiled.before')}</th>
              <th scope="col">{t('refiled.after')}</th>
              <th scope="col">{t('refiled.days')}</th>
              <th scope="col">{t('refiled.perDay')}</th>
            </tr>
          </thead>
          <tbody>
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
                    after: change.afterPerDay === null || change.afterPerDay === undefined ? t('refiled.tooEarly') : rate(change.afterPerDay),
                  })}
                </td>
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
          <YAxis />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar dataKey="before" name={t('refiled.before')} fill={CHART_COLOURS.grey} />
          <Bar dataKey="after" name={t('refiled.after')} fill={CHART_COLOURS.blue} />
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}
