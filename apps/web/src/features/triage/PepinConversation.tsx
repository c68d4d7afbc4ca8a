import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ErrorBanner } from '../../ui/states';
import { TriageAskReporterDocument, type TriagePepin } from './detail-documents';

/** Managers' questions and the anonymous reporter's answers, oldest first, and a new question. */
export function PepinConversation({ pepin, onChanged }: { pepin: TriagePepin; onChanged: () => void }) {
  const { t } = useTranslation('triage');
  const [body, setBody] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [ask, { loading, error }] = useMutation(TriageAskReporterDocument);
  const messages = pepin.conversation;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnnouncement('');
    const result = await ask({ variables: { pepinId: pepin.id, body: body.trim() } }).catch(() => null);
    if (!result?.data) return;
    setBody('');
    setAnnouncement(t('conversation.sent'));
    onChanged();
  };

  return (
    <section className="card stack triage-section" aria-labelledby="triage-conversation">
      <h2 id="triage-conversation">{t('conversation.title')}</h2>
      <p className="hint">{t('conversation.intro')}</p>
      {messages === null || messages === undefined ? (
        <p className="muted">{t('conversation.unavailable')}</p>
      ) : messages.length === 0 ? (
        <p className="muted">{t('conversation.empty')}</p>
      ) : (
        <ol className="triage-conversation">
          {messages.map((message) => (
            <li key={message.id} className={message.authorKind === 'MANAGER' ? 'from-manager' : 'from-reporter'}>
              <p className="muted">
                <strong>{message.author}</strong>, <time dateTime={message.at}>{formatDateTime(message.at)}</time>
              </p>
              <p className="triage-message">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="stack" onSubmit={submit}>
        <label>
          {t('conversation.question')}
          <textarea value={body} onChange={(e) => setBody(e.target.value)} required maxLength={2000} rows={3} />
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={loading || body.trim().length < 2}>
            {t('conversation.ask')}
          </button>
        </div>
        {error && <ErrorBanner error={error} />}
        <p role="status" className="success">
          {announcement}
        </p>
      </form>
    </section>
  );
}
