import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InsightsSitesDocument } from './insights-documents';
import { PERIODS, readPeriod, type PeriodDays } from './insights-params';

/** Period for everyone; the site too for admins (managers see their own site only). */
export function InsightsFilters({
  days,
  siteId,
  isAdmin,
  onPeriod,
  onSite,
}: {
  days: PeriodDays;
  siteId: string;
  isAdmin: boolean;
  onPeriod: (days: PeriodDays) => void;
  onSite: (siteId: string) => void;
}) {
  const { t } = useTranslation('insights');
  const periodId = useId();
  return (
    <form className="card row insights-filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
      {/* Label beside, not around, the select: its accessible name stays "Période" alone. */}
      <div className="insights-field">
        <label htmlFor={periodId}>{t('period')}</label>
        <select id={periodId} value={days} onChange={(event) => onPeriod(readPeriod(event.target.value))}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`periods.${period}`)}
            </option>
          ))}
        </select>
      </div>
      {isAdmin && <SiteSelect siteId={siteId} onSite={onSite} />}
    </form>
  );
}

function SiteSelect({ siteId, onSite }: { siteId: string; onSite: (siteId: string) => void }) {
  const { t } = useTranslation('insights');
  const { data } = useQuery(InsightsSitesDocument);
  const sites = data?.sites ?? [];
  const id = useId();
  return (
    <div className="insights-field">
      <label htmlFor={id}>{t('site')}</label>
      <select id={id} value={siteId} onChange={(event) => onSite(event.target.value)}>
        {/* Until the list arrives, the admin's own site stands alone. */}
        {!sites.some((site) => site.id === siteId) && <option value={siteId}>{t('ownSite')}</option>}
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
    </div>
  );
}
