import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../ui/states';
import { TriageAcknowledgePepinDocument } from './detail-documents';

export function AcknowledgeForm({ pepinId, onDone }: { pepinId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('triage');
  const [message, setMessage] = useState('');
  const [acknowledge, { loading, error }] = useMutation(TriageAcknowledgePepinDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await acknowledge({ variables: { id: pepinId, message: message.trim() || null } }).catch(() => null);
    if (result?.data) onDone(t('actions.acknowledged'));
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="triage-ack-title">
      <h3 id="triage-ack-title">{t('actions.acknowledgeTitle')}</h3>
      <label>
        {t('actions.acknowledgeMessage')}
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} rows={2} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('actions.working') : t('actions.acknowledge')}
        </button>
      </div>
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
