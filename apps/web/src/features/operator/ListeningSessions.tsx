import { useTranslation } from 'react-i18next';
import type { ListeningSessionStatus } from '../../gql/graphql';
import { formatDateTime } from '../../ui/format';
import { ListeningRequestForm } from './ListeningRequestForm';

interface Session {
  readonly id: string;
  readonly status: ListeningSessionStatus;
  readonly manager: { readonly displayName: string };
  readonly requestedAt?: string | null;
  readonly scheduledAt?: string | null;
  readonly outcome?: string | null;
}

/** Double écoute (seed 001): the operator picks a manager to re-listen the call with. */
export function ListeningSessions({ pepinId, sessions }: { pepinId: string; sessions: readonly Session[] }) {
  const { t } = useTranslation('operator');
  return (
    <section className="card stack operator-card" aria-labelledby="listening-title">
      <h2 id="listening-title">{t('listening.title')}</h2>
      <p className="hint">{t('listening.intro')}</p>
      <h3>{t('listening.sessions')}</h3>
      {sessions.length === 0 ? (
        <p className="muted">{t('listening.none')}</p>
      ) : (
        <ul className="operator-sessions">
          {sessions.map((session) => (
            <li key={session.id}>
              <span className="badge">{t(`listening.status.${session.status}`)}</span>{' '}
              {t('listening.with', { name: session.manager.displayName })}
              {session.scheduledAt && (
                <span className="hint">
                  {' '}
                  · {t('listening.scheduledAt', { date: formatDateTime(session.scheduledAt) })}
                </span>
              )}
              {session.outcome && (
                <p className="operator-message">{t('listening.outcome', { outcome: session.outcome })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <ListeningRequestForm pepinId={pepinId} />
    </section>
  );
}
