import { useTranslation } from 'react-i18next';
import type { PepinStatus } from '../../gql/graphql';
import { formatDate, formatDateTime, formatRelative } from '../../ui/format';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Less than a day left: worth a warning colour (the words still say "due in …"). */
function dueSoon(iso: string): boolean {
  return new Date(iso).getTime() - Date.now() < DAY_MS;
}

interface SlaPepin {
  readonly status: PepinStatus;
  readonly ackDueAt: string;
  readonly acknowledgedAt?: string | null;
  readonly overdue: boolean;
}

/**
 * Where the managers stand with their promise to acknowledge: the operator sees the
 * deadline too (seed 002: keep your commitments). Words carry the state, colour only helps.
 */
export function SlaBadge({ pepin }: { pepin: SlaPepin }) {
  const { t } = useTranslation('operator');
  if (pepin.acknowledgedAt) {
    return <span className="badge sla-ok">{t('sla.done', { date: formatDate(pepin.acknowledgedAt) })}</span>;
  }
  if (pepin.status !== 'NEW') return <span className="muted">{t('sla.closed')}</span>;
  const relative = formatRelative(pepin.ackDueAt);
  if (pepin.overdue) {
    return (
      <span className="badge sla-late" title={formatDateTime(pepin.ackDueAt)}>
        {t('sla.late', { relative })}
      </span>
    );
  }
  const soon = dueSoon(pepin.ackDueAt);
  return (
    <span className={`badge ${soon ? 'sla-soon' : 'sla-ok'}`} title={formatDateTime(pepin.ackDueAt)}>
      {t('sla.due', { relative })}
    </span>
  );
}
