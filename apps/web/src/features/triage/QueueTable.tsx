import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDate, formatNumber } from '../../ui/format';
import type { QueueRow } from './queue-documents';
import { SlaBadge } from './SlaBadge';

/**
 * The queue as a table. Only NEW pépins can be ticked: acknowledging is the one bulk action.
 * The reporter column shows a name only when the API gives one (signed pépins).
 */
export function QueueTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
}: {
  rows: readonly QueueRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: readonly string[], select: boolean) => void;
}) {
  const { t } = useTranslation('triage');
  const { t: common } = useTranslation();
  const selectable = rows.filter((row) => row.status === 'NEW').map((row) => row.id);
  const allSelected = selectable.length > 0 && selectable.every((id) => selected.has(id));
  // Shown before each value when the table becomes cards on a phone (the header is hidden there).
  const label = (column: string) => t('queue.cellLabel', { label: t(`queue.columns.${column}`) });
  return (
    <div className="table-wrap">
      <table className="triage-table">
        <caption className="visually-hidden">{t('queue.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <label className="inline">
                <input
                  type="checkbox"
                  checked={allSelected}
                  disabled={selectable.length === 0}
                  onChange={(e) => onToggleAll(selectable, e.target.checked)}
                />
                <span className="visually-hidden">{t('queue.selectAll')}</span>
              </label>
            </th>
            <th scope="col">{t('queue.columns.pepin')}</th>
            <th scope="col">{t('queue.columns.status')}</th>
            <th scope="col">{t('queue.columns.sla')}</th>
            <th scope="col">{t('queue.columns.supports')}</th>
            <th scope="col">{t('queue.columns.impact')}</th>
            <th scope="col">{t('queue.columns.rule')}</th>
            <th scope="col">{t('queue.columns.reporter')}</th>
            <th scope="col">{t('queue.columns.filed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                {row.status === 'NEW' && (
                  <label className="inline">
                    <input type="checkbox" checked={selected.has(row.id)} onChange={() => onToggle(row.id)} />
                    <span className="visually-hidden">{t('queue.select', { reference: row.reference })}</span>
                  </label>
                )}
              </td>
              <th scope="row">
                <Link to={`/triage/${row.id}`}>
                  <span className="triage-ref">{row.reference}</span> {row.title}
                </Link>
              </th>
              <td data-label={label('status')}>
                <StatusBadge status={row.status} />
              </td>
              <td data-label={label('sla')}>
                <SlaBadge pepin={row} />
              </td>
              <td data-label={label('supports')}>{formatNumber(row.supportCount)}</td>
              <td data-label={label('impact')}>{common(`impact.${row.customerImpact}`)}</td>
              <td data-label={label('rule')}>
                {row.ruleKey
                  ? t('queue.ruleVersion', { key: row.ruleKey, version: row.ruleVersion ?? '?' })
                  : t('queue.noRule')}
              </td>
              <td data-label={label('reporter')}>{row.reporter?.displayName ?? t('queue.anonymous')}</td>
              <td data-label={label('filed')}>{formatDate(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
