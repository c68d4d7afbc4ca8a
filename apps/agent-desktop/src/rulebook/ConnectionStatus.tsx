import { useTranslation } from 'react-i18next';
import { formatDate } from '../ui/format';
import { useRulebook } from './rulebook-context';

type Tone = 'ok' | 'calm' | 'warn';

/** One calm line: which version the operator reads, and whether it can still move. */
export function ConnectionStatus({ onSignInAgain }: { onSignInAgain: () => void }) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const snapshot = state.snapshot;
  const args = snapshot ? { version: snapshot.version, date: formatDate(snapshot.publishedAt) } : undefined;

  let text: string;
  let tone: Tone = 'calm';
  if (state.offline) text = args ? t('status.offline', args) : t('status.offlineEmpty');
  else if (!args) text = state.started && state.connection ? t('status.empty') : t('status.connecting');
  else if (state.connection?.state === 'open') {
    text = t('status.live', args);
    tone = 'ok';
  } else if (state.connection?.state === 'polling') text = t('status.polling', args);
  else if (state.connection?.state === 'closed') text = t('status.reconnecting', args);
  else text = t('status.live', args);

  return (
    <div className="connection">
      <p
        role="status"
        className={`connection-state tone-${tone}`}
        data-state={state.offline ? 'offline' : (state.connection?.state ?? 'connecting')}
      >
        <span className="dot" aria-hidden="true" /> {text}
      </p>
      {state.refused && (
        <p role="alert" className="connection-warning">
          {t('status.refused')}
        </p>
      )}
      {state.sessionExpired && (
        <p className="connection-warning" role="alert">
          {t('status.sessionExpired')}{' '}
          <button type="button" onClick={onSignInAgain}>
            {t('status.signInAgain')}
          </button>
        </p>
      )}
    </div>
  );
}
