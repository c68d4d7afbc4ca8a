import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PepinOrder } from '../../gql/graphql';
import { PEPIN_ORDERS, writeQueueParams, type QueueParams } from './queue-params';

/** Rule, category, overdue and sort; applied together on submit (one URL change, one query). */
export function QueueFilters({ params, onApply }: { params: QueueParams; onApply: (next: QueueParams) => void }) {
  const { t } = useTranslation('triage');
  const [ruleKey, setRuleKey] = useState(params.ruleKey);
  const [category, setCategory] = useState(params.category);
  const [overdue, setOverdue] = useState(params.overdue);
  const [order, setOrder] = useState<PepinOrder>(params.order);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...params, ruleKey: ruleKey.trim(), category: category.trim(), overdue, order });
  };
  const cleared = writeQueueParams({ ...params, ruleKey: '', category: '', overdue: false }).toString();

  return (
    <form className="card triage-filters" onSubmit={submit} aria-labelledby="triage-filters-title">
      <h2 id="triage-filters-title" className="visually-hidden">
        {t('queue.filters')}
      </h2>
      <div className="row">
        <label>
          {t('queue.ruleKey')}
          <input value={ruleKey} onChange={(e) => setRuleKey(e.target.value)} aria-describedby="triage-rule-hint" />
          <span id="triage-rule-hint" className="hint">
            {t('queue.ruleKeyHint')}
          </span>
        </label>
        <label>
          {t('queue.category')}
          <input value={category} onChange={(e) => setCategory(e.target.value)} />
        </label>
        <label>
          {t('queue.sort')}
          <select value={order} onChange={(e) => setOrder(e.target.value as PepinOrder)}>
            {PEPIN_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`queue.orders.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('queue.overdue')}
        </label>
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {t('queue.apply')}
        </button>
        <Link to={{ search: cleared }}>{t('queue.reset')}</Link>
      </div>
    </form>
  );
}
