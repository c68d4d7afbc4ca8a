import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ErrorBanner, Loading } from '../../ui/states';
import { AcknowledgementChart } from './AcknowledgementChart';
import { BlockingRulesChart } from './BlockingRulesChart';
import { InsightsDashboardDocument } from './insights-documents';
import type { PeriodDays } from './insights-params';
import { KeyFigures } from './KeyFigures';
import { LeadTimeChart } from './LeadTimeChart';
import { ParticipationFigures } from './ParticipationFigures';
import { RefiledChart } from './RefiledChart';
import { SearchGapsSection } from './SearchGapsSection';

const DAY_MS = 86_400_000;

/** The figures and charts for one period and site (remounted when either changes). */
export function InsightsDashboard({ days, siteId }: { days: PeriodDays; siteId: string | null }) {
  const { t } = useTranslation('insights');
  // The period ends now, as of when this view was opened (stable across re-renders).
  const [openedAt] = useState(() => Date.now());
  const from = new Date(openedAt - days * DAY_MS).toISOString();
  const { data, error, loading, refetch } = useQuery(InsightsDashboardDocument, { variables: { siteId, from } });

  if (error) return <ErrorBanner error={error} onRetry={() => void refetch()} />;
  if (loading || !data) return <Loading />;
  const insights = data.insights;
  return (
    <div className="stack insights-dashboard">
      <p className="muted">{t('covering', { from: formatDate(insights.from), to: formatDate(insights.to) })}</p>
      <KeyFigures insights={insights} />
      <div className="insights-grid">
        <LeadTimeChart leadTime={insights.leadTime} />
        <AcknowledgementChart acknowledgement={insights.acknowledgement} />
        <BlockingRulesChart rules={insights.topBlockingRules} />
        <RefiledChart changes={insights.refiledAfterChange} />
      </div>
      <SearchGapsSection siteId={siteId} />
      <ParticipationFigures participation={insights.participation} />
    </div>
  );
}
