import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';

/** The publication names its release in the history message ("… version 7 … / … release 7 …"). */
function releaseOf(message: string | null | undefined): number | null {
  const match = message?.match(/(?:version|release) (\d+)/i);
  return match ? Number(match[1]) : null;
}

/** The news the operator was waiting for: their pépin became a pépite. */
export function PepitePanel({ event }: { event: { at: string; message?: string | null } | null }) {
  const { t } = useTranslation('operator');
  const version = releaseOf(event?.message);
  return (
    <section className="card stack operator-card operator-pepite" aria-labelledby="pepite-title">
      <h2 id="pepite-title">
        <span aria-hidden="true">✦ </span>
        {t('pepite.title')}
      </h2>
      <p>{t('pepite.body')}</p>
      {event && (
        <p>
          <strong>
            {version !== null
              ? t('pepite.release', { version, date: formatDate(event.at) })
              : t('pepite.published', { date: formatDate(event.at) })}
          </strong>
        </p>
      )}
    </section>
  );
}
