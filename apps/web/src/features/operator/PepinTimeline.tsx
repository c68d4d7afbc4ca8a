import { useTranslation } from 'react-i18next';
import type { PepinEventKind, PepinStatus } from '../../gql/graphql';
import { formatDateTime } from '../../ui/format';

interface TimelineEvent {
  readonly id: string;
  readonly kind: PepinEventKind;
  readonly actorLabel: string;
  readonly actor?: { readonly displayName: string } | null;
  readonly fromStatus?: PepinStatus | null;
  readonly toStatus?: PepinStatus | null;
  readonly message?: string | null;
  readonly at: string;
}

/** Every step of the pépin, oldest first, as the API's append-only history records it. */
export function PepinTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation('operator');
  return (
    <section className="card operator-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id}>
              <div>
                <strong>{t(`timeline.kind.${event.kind}`)}</strong>{' '}
                <span className="muted">
                  {t('timeline.by', {
                    actor: event.actor ? `${event.actor.displayName} (${event.actorLabel})` : event.actorLabel,
                  })}
                </span>
              </div>
              <time dateTime={event.at} className="hint">
                {formatDateTime(event.at)}
              </time>
              {event.message && <p className="operator-message">{event.message}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
