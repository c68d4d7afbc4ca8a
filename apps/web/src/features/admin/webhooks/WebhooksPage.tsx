import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { AdminWebhooksDocument } from './queries';
import { SecretNotice } from './SecretNotice';
import { WebhookCard, type Notice } from './WebhookCard';
import { WebhookForm } from './WebhookForm';

/** /admin/webhooks: the receivers admins registered, switched on and off, and what was sent to each. */
export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const webhooks = useQuery(AdminWebhooksDocument);
  const [editing, setEditing] = useState(false);
  // The notice is kept as its words' key, so it follows a change of language.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [registered, setRegistered] = useState<{ url: string; secret: string } | null>(null);
  const rows = webhooks.data?.webhooks ?? [];

  return (
    <Page
      title={t('title')}
      actions={
        !editing && (
          <button type="button" className="primary" onClick={() => setEditing(true)}>
            {t('add')}
          </button>
        )
      }
    >
      <p className="muted">{t('intro')}</p>
      <p role="status" className="success">
        {notice && t(`notice.${notice.what}`, { url: notice.url })}
      </p>
      {registered && <SecretNotice url={registered.url} secret={registered.secret} onDone={() => setRegistered(null)} />}
      {editing && (
        <WebhookForm
          onDone={(done) => {
            setEditing(false);
            setRegistered(done);
            setNotice({ what: 'registered', url: done.url });
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {webhooks.error && <ErrorBanner error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      {webhooks.loading && !webhooks.data && <Loading />}
      {webhooks.data && rows.length === 0 && <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>}
      {rows.length > 0 && (
        <ul className="webhook-list" aria-label={t('listCaption')}>
          {rows.map((webhook) => (
            <li key={webhook.id}>
              <WebhookCard webhook={webhook} onNotice={setNotice} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
