import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookFormat } from '../../../gql/graphql';
import { FormActions } from '../FormActions';
import { AdminRegisterWebhookDocument, AdminWebhooksDocument, WEBHOOK_EVENTS } from './queries';

/** Registers a receiver: its address, the events it hears of, and JSON or a Teams card. */
export function WebhookForm({ onDone, onCancel }: { onDone(registered: { url: string; secret: string }): void; onCancel(): void }) {
  const { t } = useTranslation('webhooks');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['pepin.filed', 'pepin.acknowledged', 'pepin.became_pepite']);
  const [format, setFormat] = useState<WebhookFormat>('JSON');
  const [missing, setMissing] = useState(false);
  const [register, { loading, error }] = useMutation(AdminRegisterWebhookDocument, {
    refetchQueries: [AdminWebhooksDocument],
    awaitRefetchQueries: true,
  });

  function toggle(event: string, on: boolean) {
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
    setMissing(false);
  }

  async function submit(submitted: FormEvent) {
    submitted.preventDefault();
    if (events.length === 0) {
      setMissing(true);
      return;
    }
    const ordered = WEBHOOK_EVENTS.filter((event) => events.includes(event));
    const result = await register({ variables: { input: { url: url.trim(), events: ordered, format } } }).catch(() => null);
    const done = result?.data?.registerWebhook;
    if (done) onDone({ url: done.webhook.url, secret: done.secret });
  }

  return (
    <form className="card stack webhook-form" onSubmit={submit} aria-labelledby="webhook-form-title">
      <h2 id="webhook-form-title">{t('form.title')}</h2>
      <div className="stack-tight">
        <label>
          {t('form.url')}
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
            maxLength={2000}
            aria-describedby="webhook-url-hint"
            placeholder="https://"
            autoFocus
          />
        </label>
        <span id="webhook-url-hint" className="hint">
          {t('form.urlHint')}
        </span>
      </div>
      <fieldset className="stack-tight" aria-describedby={missing ? 'webhook-events-missing' : undefined}>
        <legend>{t('form.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="inline">
            <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
            <span>
              {t(`events.${event}`)} <code className="hint">{event}</code>
            </span>
          </label>
        ))}
        {missing && (
          <p id="webhook-events-missing" role="alert" className="error">
            {t('form.noEvent')}
          </p>
        )}
      </fieldset>
      <fieldset className="stack-tight">
        <legend>{t('form.format')}</legend>
        {(['JSON', 'TEAMS'] as const).map((value) => (
          <label key={value} className="inline">
            <input type="radio" name="webhook-format" value={value} checked={format === value} onChange={() => setFormat(value)} />
            {t(value === 'JSON' ? 'form.json' : 'form.teams')}
          </label>
        ))}
      </fieldset>
      <FormActions
        error={error}
        busy={loading}
        submitLabel={t('form.save')}
        busyLabel={t('form.saving')}
        cancelLabel={t('form.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
