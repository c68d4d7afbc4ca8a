import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import type { TriagePepin } from './detail-documents';

/** Every step, oldest first: what, when, by whom (a role, or a manager's name), and the message. */
export function PepinHistory({ history }: { history: TriagePepin['history'] }) {
  const { t } = useTranslation('triage');
  return (
    <section className="card stack triage-section" aria-labelledby="triage-history">
      <h2 id="triage-history">{t('history.title')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="timeline">
          {history.map((event) => (
            <li key={event.id}>
              <strong>{t(`history.kinds.${event.kind}`)}</strong>{' '}
              <span className="muted">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>,{' '}
                {t('history.by', { actor: event.actor?.displayName ?? event.actorLabel })}
              </span>
              {event.message && <p className="triage-message">{event.message}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
