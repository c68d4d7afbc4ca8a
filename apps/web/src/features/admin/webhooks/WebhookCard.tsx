import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminWebhooksQuery } from '../../../gql/graphql';
import { formatDate, formatDateTime } from '../../../ui/format';
import { ErrorAlert } from '../../../ui/states';
import { ConfirmAction } from '../ConfirmAction';
import { DeliveryLog } from './DeliveryLog';
import { AdminDeleteWebhookDocument, AdminSetWebhookEnabledDocument, AdminWebhooksDocument } from './queries';

type Webhook = AdminWebhooksQuery['webhooks'][number];

/** What the page's status line says happened, to which webhook. */
export interface Notice {
  readonly what: 'registered' | 'enabled' | 'disabled' | 'removed';
  readonly url: string;
}

/** One receiver: where, what it hears of, whether it works; switch, delete, and its delivery log. */
export function WebhookCard({ webhook, onNotice }: { webhook: Webhook; onNotice(notice: Notice): void }) {
  const { t } = useTranslation('webhooks');
  const [showLog, setShowLog] = useState(false);
  const [setEnabled, switching] = useMutation(AdminSetWebhookEnabledDocument);
  const [remove] = useMutation(AdminDeleteWebhookDocument, { refetchQueries: [AdminWebhooksDocument], awaitRefetchQueries: true });
  const { url } = webhook;
  const logId = `webhook-log-${webhook.id}`;

  async function toggle() {
    const enabled = !webhook.enabled;
    const result = await setEnabled({ variables: { id: webhook.id, enabled } }).catch(() => null);
    if (result?.data) onNotice({ what: enabled ? 'enabled' : 'disabled', url });
  }

  return (
    <article className="card webhook-card" aria-labelledby={`webhook-${webhook.id}`}>
      <h2 id={`webhook-${webhook.id}`} className="webhook-url">
        {url}
      </h2>
      <dl className="webhook-facts">
        <div>
          <dt>{t('webhook.state')}</dt>
          <dd>
            {webhook.enabled ? (
              <span className="badge sla-ok">{t('webhook.enabled')}</span>
            ) : (
              <span className="badge sla-late">{webhook.disabledAt ? t('webhook.disabledSince', { date: formatDateTime(webhook.disabledAt) }) : t('webhook.disabled')}</span>
            )}{' '}
            {webhook.consecutiveFailures > 0 && <span className="warn-text">{t('webhook.failures', { count: webhook.consecutiveFailures })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('webhook.format')}</dt>
          <dd>{t(`formats.${webhook.format}`)}</dd>
        </div>
        <div>
          <dt>{t('webhook.eventsLabel')}</dt>
          <dd>{webhook.events.map((event) => t(`events.${event}`, { defaultValue: event })).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('webhook.createdLabel')}</dt>
          <dd>{formatDate(webhook.createdAt)}</dd>
        </div>
      </dl>
      <ErrorAlert error={switching.error} />
      <div className="row">
        <button type="button" aria-expanded={showLog} aria-controls={logId} aria-label={t('webhook.showLogLabel', { url })} onClick={() => setShowLog((shown) => !shown)}>
          {t('webhook.showLog')}
        </button>
        <button
          type="button"
          disabled={switching.loading}
          aria-label={t(webhook.enabled ? 'webhook.disableLabel' : 'webhook.enableLabel', { url })}
          onClick={() => void toggle()}
        >
          {t(webhook.enabled ? 'webhook.disable' : 'webhook.enable')}
        </button>
        <ConfirmAction
          label={t('webhook.remove')}
          accessibleLabel={t('webhook.removeLabel', { url })}
          question={t('webhook.confirmRemove', { url })}
          danger
          onConfirm={async () => {
            await remove({ variables: { id: webhook.id } });
            onNotice({ what: 'removed', url });
          }}
        />
      </div>
      <div id={logId}>{showLog && <DeliveryLog webhookId={webhook.id} />}</div>
    </article>
  );
}
