import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { PepinMessageAuthorKind } from '../../gql/graphql';
import { errorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { Field } from './Field';

const ReplyDocument = graphql(`
  mutation OperatorReplyToManagers($pepinId: ID!, $body: String!) {
    replyToManagers(pepinId: $pepinId, body: $body) {
      id
    }
  }
`);

interface Message {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly authorKind: PepinMessageAuthorKind;
  readonly body: string;
}

/**
 * Managers' questions and the reporter's answers. The reporter stays "Rapporteur" to
 * them; `messages` is null for a supporter, who only follows the pépin.
 */
export function Conversation({ pepinId, messages }: { pepinId: string; messages: readonly Message[] | null }) {
  const { t } = useTranslation('operator');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reply, { loading }] = useMutation(ReplyDocument, {
    refetchQueries: ['OperatorPepinDetail'],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSent(false);
    try {
      await reply({ variables: { pepinId, body: body.trim() } });
      setBody('');
      setSent(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card stack operator-card" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t('conversation.title')}</h2>
      {messages === null ? (
        <p className="muted">{t('conversation.supporterOnly')}</p>
      ) : (
        <>
          <p className="hint">{t('conversation.intro')}</p>
          {messages.length === 0 ? (
            <p className="muted">{t('conversation.empty')}</p>
          ) : (
            <ol className="operator-thread">
              {messages.map((message) => (
                <li key={message.id} className={`operator-msg operator-msg-${message.authorKind.toLowerCase()}`}>
                  <div className="row">
                    <strong>{message.author}</strong>
                    <span className="hint">
                      {t(`conversation.from.${message.authorKind}`)} ·{' '}
                      <time dateTime={message.at}>{formatDateTime(message.at)}</time>
                    </span>
                  </div>
                  <p className="operator-message">{message.body}</p>
                </li>
              ))}
            </ol>
          )}
          <form onSubmit={submit} className="stack">
            <Field label={t('conversation.reply')} hint={t('conversation.replyHint')} hintId="reply-hint">
              <textarea
                value={body}
                onChange={(e) => setBody(e.target.value)}
                required
                minLength={2}
                maxLength={2000}
                rows={3}
                aria-describedby="reply-hint"
              />
            </Field>
            {error !== null && (
              <p role="alert" className="error">
                {errorMessage(error)}
              </p>
            )}
            <p role="status" className="success operator-live">
              {sent ? t('conversation.sent') : ''}
            </p>
            <div className="row">
              <button type="submit" className="primary" disabled={loading}>
                {loading ? t('conversation.sending') : t('conversation.send')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
