import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../ui/states';
import { TriageAcknowledgePepinsDocument } from './queue-documents';

/**
 * "Prendre en compte (N)" for the ticked pépins, with one optional message to every
 * reporter. All or none: the API refuses the whole selection if one cannot move.
 */
export function BulkAcknowledge({ ids, onDone }: { ids: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('triage');
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [acknowledge, { loading, error, reset }] = useMutation(TriageAcknowledgePepinsDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (ids.length === 0) return;
    setAnnouncement('');
    const result = await acknowledge({ variables: { ids: [...ids], message: message.trim() || null } }).catch(
      () => null,
    );
    const count = result?.data?.acknowledgePepins.length;
    if (count === undefined) return;
    setMessage('');
    setAnnouncement(t('bulk.done', { count }));
    onDone();
  };

  return (
    // One compact bar above the queue: the queue itself is what managers come to see.
    <form className="card triage-bulk" onSubmit={submit} aria-labelledby="triage-bulk-title">
      <h2 id="triage-bulk-title" className="triage-bulk-title">
        {t('bulk.title')}
      </h2>
      <div className="row triage-bulk-row">
        {/* The message field only once something is ticked: until then the bar is one line. */}
        {ids.length > 0 && (
        <label className="triage-bulk-message">
          {t('bulk.message')}
          <input
            type="text"
            value={message}
            onChange={(e) => {
              setMessage(e.target.value);
              reset();
            }}
            maxLength={2000}
            aria-describedby="triage-bulk-hint"
          />
          <span id="triage-bulk-hint" className="hint">
            {t('bulk.messageHint')}
          </span>
        </label>
        )}
        <button type="submit" className="primary" disabled={ids.length === 0 || loading}>
          {loading ? t('bulk.submitting') : t('bulk.submit', { count: ids.length })}
        </button>
        {ids.length === 0 && <span className="hint">{t('bulk.none')}</span>}
      </div>
      {error && <ErrorBanner error={error} />}
      <p role="status" className="success">
        {announcement}
      </p>
    </form>
  );
}
