import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../ui/states';
import { TriageDeclinePepinDocument } from './detail-documents';

/** A decline always carries a written reason (seed 003): the API checks it is a real sentence. */
export function DeclineForm({ pepinId, onDone }: { pepinId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('triage');
  const [reason, setReason] = useState('');
  const [decline, { loading, error }] = useMutation(TriageDeclinePepinDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await decline({ variables: { id: pepinId, reason: reason.trim() } }).catch(() => null);
    if (result?.data) onDone(t('actions.declined'));
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="triage-decline-title">
      <h3 id="triage-decline-title">{t('actions.declineTitle')}</h3>
      <label>
        {t('actions.declineReason')}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={2000}
          rows={3}
          aria-describedby="triage-decline-hint"
        />
        <span id="triage-decline-hint" className="hint">
          {t('actions.declineHint')}
        </span>
      </label>
      <div className="row">
        <button type="submit" className="danger" disabled={loading || reason.trim() === ''}>
          {loading ? t('actions.working') : t('actions.decline')}
        </button>
      </div>
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
