import { useQuery, useSubscription } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { serialRefetch } from '../../apollo/serial-refetch';
import { useCurrentUser } from '../../auth/auth-context';
import { Page } from '../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { AdoptionSection } from './AdoptionSection';
import { FloorChangedDocument, LatestReleaseDocument } from './floor-documents';
import { MandatoryReadingSection } from './MandatoryReadingSection';

/** /floor: what desktops send back — who has which release, who read the mandatory changes. */
export function FloorPage() {
  const { t } = useTranslation('floor');
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(LatestReleaseDocument);
  const latest = data?.releases.edges[0]?.node.version;
  const asked = Number(search.get('version'));
  const version = Number.isInteger(asked) && asked >= 1 && latest !== undefined && asked <= latest ? asked : latest;
  const siteId = (user.role === 'ADMIN' && search.get('site')) || null;
  // Pushed, not polled: the API says "this site's floor moved" (a publication, a desktop's
  // first run of a release, an acknowledgement; at most once a second, from any instance) and
  // the screen reads its three queries again.
  const refresh = useMemo(() => serialRefetch(['FloorLatestRelease', 'FloorReleaseAdoption', 'FloorMandatoryReadingStatus']), []);
  useSubscription(FloorChangedDocument, { variables: { siteId }, onData: ({ client }) => refresh(client) });

  return (
    <Page title={t('title')}>
      <div className="stack">
        <p className="muted">{t('intro')}</p>
        {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Loading />}
        {data && latest === undefined && <EmptyState title={t('adoption.noRelease')} />}
        {latest !== undefined && version !== undefined && (
          <>
            <div className="card row insights-filters">
              <div className="insights-field">
                <label htmlFor="floor-version">{t('adoption.version')}</label>
                <select
                  id="floor-version"
                  value={version}
                  onChange={(event) => {
                    const next = new URLSearchParams(search);
                    next.set('version', event.target.value);
                    setSearch(next, { replace: true });
                  }}
                >
                  {Array.from({ length: Math.min(latest, 20) }, (_, i) => latest - i).map((v) => (
                    <option key={v} value={v}>
                      {t('adoption.versionN', { version: v })}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <AdoptionSection version={version} siteId={siteId} />
          </>
        )}
        {latest !== undefined && <MandatoryReadingSection siteId={siteId} />}
      </div>
    </Page>
  );
}
