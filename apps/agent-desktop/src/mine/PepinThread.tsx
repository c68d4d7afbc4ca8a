import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PEPIN_LIMITS } from '@pepite/pepin-form';
import { GraphqlRequestError } from '../app/graphql';
import { readSession } from '../app/session';
import { newIdempotencyKey } from '../filing/file-pepin';
import { formatDateTime } from '../ui/format';
import { awaitsAnswer, replyToManagers, type MyPepin } from './operator-api';

interface Props {
  readonly graphqlUrl: string;
  readonly item: MyPepin;
  readonly onReplied: () => void;
}

/** One pépin: what was said, the managers' questions and the reporter's answers, and the reply box. */
export function PepinThread({ graphqlUrl, item, onReplied }: Props) {
  const { t } = useTranslation();
  const { pepin } = item;
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const { min, max } = PEPIN_LIMITS.conversationMessage;

  async function send(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    const token = readSession()?.token;
    if (text.length < min || !token) {
      setMessage({ ok: false, text: t('mine.tooShort', { min, max }) });
      return;
    }
    setBusy(true);
    try {
      await replyToManagers(graphqlUrl, token, { pepinId: pepin.id, body: text, idempotencyKey: key });
      setBody('');
      setKey(newIdempotencyKey());
      setMessage({ ok: true, text: t('mine.sent') });
      onReplied();
    } catch (failure) {
      const code = failure instanceof GraphqlRequestError ? failure.code : 'NETWORK';
      setMessage({ ok: false, text: code === 'NETWORK' ? t('filing.offline') : String((failure as Error).message) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="stack thread" aria-labelledby="thread-title">
      <h3 id="thread-title">
        {pepin.reference} — {pepin.title}
      </h3>
      <p className="muted">
        {t(`pepinStatus.${pepin.status}`)} · {pepin.ruleKey ?? t('mine.noRule')} · {formatDateTime(pepin.createdAt)}
      </p>
      <p className="part-text">{pepin.description}</p>
      {pepin.conversation && pepin.conversation.length > 0 && (
        <ol className="thread-lines" aria-label={t('mine.conversation')}>
          {pepin.conversation.map((line) => (
            <li key={line.id} className={line.authorKind === 'MANAGER' ? 'from-manager' : 'from-me'}>
              <p className="muted">
                {line.authorKind === 'MANAGER' ? line.author : t('mine.you')} · {formatDateTime(line.at)}
              </p>
              <p className="part-text">{line.body}</p>
            </li>
          ))}
        </ol>
      )}
      {item.relation === 'REPORTER' && pepin.conversation && pepin.conversation.length > 0 && (
        <form className="stack" onSubmit={send} noValidate>
          <label htmlFor="reply-body">{awaitsAnswer(item) ? t('mine.answer') : t('mine.write')}</label>
          <textarea
            id="reply-body"
            rows={3}
            value={body}
            maxLength={max}
            aria-describedby="reply-hint"
            onChange={(event) => setBody(event.target.value)}
          />
          <p id="reply-hint" className="hint">
            {t('mine.anonymous')}
          </p>
          {message && (
            <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success' : 'error'}>
              {message.text}
            </p>
          )}
          <div>
            <button type="submit" className="primary" disabled={busy}>
              {t('mine.send')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
