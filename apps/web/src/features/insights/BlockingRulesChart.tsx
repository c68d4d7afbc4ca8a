import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { ChartSection } from './ChartSection';
import { CHART_COLOURS } from './palette';
import { DataTable } from '../../ui/DataTable';

type BlockingRule = InsightsDashboardQuery['insights']['topBlockingRules'][number];

/** The rules with the most pépins, as horizontal bars (all pépins, and those still open). */
export function BlockingRulesChart({ rules }: { rules: readonly BlockingRule[] }) {
  const { t } = useTranslation('insights');
  // Room for one bar pair per rule.
  const height = Math.max(160, rules.length * 44 + 60);
  return (
    <ChartSection
      id="insights-rules"
      title={t('rules.heading')}
      hint={t('rules.hint')}
      emptyText={t('rules.empty')}
      isEmpty={rules.length === 0}
      table={
        <DataTable
          caption={t('rules.caption')}
          columns={[t('rules.rule'), t('rules.pepins'), t('rules.open'), t('rules.supports')]}
        >
          {rules.map((rule) => (
            <tr key={rule.ruleKey}>
              <th scope="row">
                {rule.ruleKey}
                {rule.title && <span className="hint"> — {rule.title}</span>}
              </th>
              <td>{formatNumber(rule.pepinCount)}</td>
              <td>{formatNumber(rule.openCount)}</td>
              <td>{formatNumber(rule.supportCount)}</td>
            </tr>
          ))}
        </DataTable>
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={[...rules]}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          {/* As wide as the longest key (12 px type, about 7.5 px a character), so none is cut. */}
          <YAxis type="category" dataKey="ruleKey" width={keyAxisWidth(rules)} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend itemSorter={null} />
          <Bar dataKey="pepinCount" name={t('rules.pepins')} fill={CHART_COLOURS.blue} />
          <Bar dataKey="openCount" name={t('rules.open')} fill={CHART_COLOURS.vermillion} />
        </BarChart>
      </ResponsiveContainer>
    </ChartSection>
  );
}

function keyAxisWidth(rules: readonly { ruleKey: string }[]): number {
  const longest = Math.max(0, ...rules.map((rule) => rule.ruleKey.length));
  return Math.ceil(16 + longest * 7.5);
}
