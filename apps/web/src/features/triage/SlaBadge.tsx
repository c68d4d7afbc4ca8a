import { useTranslation } from 'react-i18next';
import type { PepinStatus } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../ui/format';
import { slaState } from './sla';

/** The acknowledgement deadline in words ("En retard de 5 h"); the colour only repeats it. */
export function SlaBadge({
  pepin,
}: {
  pepin: { readonly status: PepinStatus; readonly ackDueAt: string; readonly acknowledgedAt?: string | null };
}) {
  const { t } = useTranslation('triage');
  const state = slaState(pepin);
  if (state.kind === 'done') return <span className="muted">{t('sla.done', { date: formatDate(state.at) })}</span>;
  if (state.kind === 'closed') return <span className="muted">{t('sla.closed')}</span>;
  const duration = t(`sla.${state.unit}`, { count: state.count });
  const className = state.kind === 'late' ? 'sla-late' : state.kind === 'soon' ? 'sla-soon' : 'sla-ok';
  return (
    <span className={`badge ${className}`} title={t('sla.due', { date: formatDateTime(pepin.ackDueAt) })}>
      {t(`sla.${state.kind}`, { duration })}
    </span>
  );
}
