import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { AdminWebhookDeliveriesDocument } from './queries';

/** Deliveries go out in the background: the log refreshes on its own while it is open. */
const POLL_MS = 5000;

const COLUMNS = ['time', 'event', 'status', 'code', 'attempts', 'next', 'error'] as const;

const STATUS_CLASS: Record<string, string> = { PENDING: 'sla-soon', DELIVERED: 'sla-ok', FAILED: 'sla-late' };

/** What was sent to one webhook, newest first: when, which event, how it went, and what comes next. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation('webhooks');
  const log = useQuery(AdminWebhookDeliveriesDocument, { variables: { webhookId }, pollInterval: POLL_MS, notifyOnNetworkStatusChange: false });
  const rows = log.data?.webhookDeliveries ?? [];
  return (
    <div className="stack webhook-log">
      <div className="row webhook-log-head">
        <h3>{t('log.title')}</h3>
        <button type="button" onClick={() => void log.refetch()}>
          {t('log.refresh')}
        </button>
      </div>
      {log.error && <ErrorBanner error={log.error} onRetry={() => void log.refetch()} />}
      {log.loading && !log.data && <Loading />}
      {log.data && rows.length === 0 && <EmptyState title={t('log.empty')}>{t('log.emptyHint')}</EmptyState>}
      {rows.length > 0 && (
        // On a phone each line stacks as label: value (CSS); the explicit roles keep it a table for screen readers.
        <div className="table-wrap webhook-log-table" tabIndex={0} role="region" aria-label={t('log.caption')}>
          <table role="table">
            <caption className="visually-hidden">{t('log.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" role="columnheader">
                    {t(`log.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {rows.map((delivery) => (
                <tr key={delivery.id} role="row">
                  <th scope="row" role="rowheader" data-label={t('log.time')}>
                    {formatDateTime(delivery.lastAttemptAt ?? delivery.createdAt)}
                  </th>
                  <td role="cell" data-label={t('log.event')}>{t(`events.${delivery.eventType}`, { defaultValue: delivery.eventType })}</td>
                  <td role="cell" data-label={t('log.status')}>
                    <span className={`badge ${STATUS_CLASS[delivery.status] ?? ''}`}>{t(`log.statuses.${delivery.status}`, { defaultValue: delivery.status })}</span>
                  </td>
                  <td role="cell" data-label={t('log.code')}>{delivery.lastResponseStatus ?? '—'}</td>
                  <td role="cell" data-label={t('log.attempts')}>{delivery.attempts}</td>
                  <td role="cell" data-label={t('log.next')}>{delivery.status === 'PENDING' ? formatDateTime(delivery.nextAttemptAt) : '—'}</td>
                  <td role="cell" data-label={t('log.error')} className="webhook-error">
                    {delivery.lastError ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
