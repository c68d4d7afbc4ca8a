import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { AdminSitesDocument } from './queries';
import { SiteCard } from './SiteCard';
import { SiteForm } from './SiteForm';

/** /admin/sites: sites with their settings and teams. */
export function SitesPage() {
  const { t } = useTranslation('admin');
  const { data, loading, error, refetch } = useQuery(AdminSitesDocument);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const sites = data?.sites ?? [];

  return (
    <Page
      title={t('sites.title')}
      actions={
        !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('sites.create')}
          </button>
        )
      }
    >
      <p className="muted">{t('sites.intro')}</p>
      <p role="status" className="success">
        {notice}
      </p>
      {creating && (
        <SiteForm
          onDone={(name) => {
            setCreating(false);
            setNotice(t('sites.created', { name }));
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {data && sites.length === 0 && <EmptyState title={t('sites.empty')} />}
      <div className="stack">
        {sites.map((site) => (
          <SiteCard key={site.id} site={site} onNotice={setNotice} />
        ))}
      </div>
    </Page>
  );
}
