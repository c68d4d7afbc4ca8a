import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/auth-context';
import { Page } from '../../ui/page';
import { InsightsDashboard } from './InsightsDashboard';
import { InsightsFilters } from './InsightsFilters';
import { readPeriod, type PeriodDays } from './insights-params';

/** /insights: the site's dashboard over 30, 90 or 365 days; admins choose the site. */
export function InsightsPage() {
  const { t } = useTranslation('insights');
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const isAdmin = user.role === 'ADMIN';
  const days = readPeriod(search.get('days'));
  const siteId = (isAdmin && search.get('site')) || user.siteId;

  // The choice lives in the URL: a view can be bookmarked and shared.
  const update = (changes: { days?: PeriodDays; site?: string }) => {
    const next = new URLSearchParams(search);
    if (changes.days !== undefined) next.set('days', String(changes.days));
    if (changes.site !== undefined) next.set('site', changes.site);
    setSearch(next, { replace: true });
  };

  return (
    <Page title={t('title')}>
      <div className="stack">
        <p className="muted">{t('intro')}</p>
        <p className="hint">{t('anonymity')}</p>
        <InsightsFilters
          days={days}
          siteId={siteId}
          isAdmin={isAdmin}
          onPeriod={(value) => update({ days: value })}
          onSite={(value) => update({ site: value })}
        />
        <InsightsDashboard key={`${days}:${siteId}`} days={days} siteId={isAdmin ? siteId : null} />
      </div>
    </Page>
  );
}
