import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { PepinOrder } from '../../gql/graphql';
import { PEPIN_ORDERS, writeQueueParams, type QueueParams } from './queue-params';

/** The width under which the queue is laid out for a phone (styles.css, triage). */
const PHONE = '(max-width: 700px)';

const RuleCategoriesDocument = graphql(`
  query TriageRuleCategories {
    rulebook {
      rules {
        category
      }
    }
  }
`);

/** The categories of the rulebook in force, once each, in French alphabetical order. */
function useCategories(current: string): string[] {
  const { data } = useQuery(RuleCategoriesDocument, { fetchPolicy: 'cache-first' });
  const names = new Set((data?.rulebook.rules ?? []).map((rule) => rule.category));
  // A category from an older release (in a shared link) stays selectable.
  if (current) names.add(current);
  return [...names].sort((a, b) => a.localeCompare(b, 'fr'));
}

/**
 * Search, rule, category, overdue and sort on one line; applied together on submit (one URL
 * change, one query). Compact on purpose: at 1280×720 the queue's first rows must show.
 */
export function QueueFilters({ params, onApply }: { params: QueueParams; onApply: (next: QueueParams) => void }) {
  const { t } = useTranslation('triage');
  const [search, setSearch] = useState(params.search);
  const [ruleKey, setRuleKey] = useState(params.ruleKey);
  const [category, setCategory] = useState(params.category);
  const [overdue, setOverdue] = useState(params.overdue);
  const [order, setOrder] = useState<PepinOrder>(params.order);
  // On a phone the filters start folded (one line), so that the queue's first rows show
  // without scrolling; they stay open whenever one of them is in use.
  const [open, setOpen] = useState(
    () =>
      !window.matchMedia(PHONE).matches ||
      Boolean(params.search || params.ruleKey || params.category || params.overdue),
  );
  const categories = useCategories(params.category);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...params, search: search.trim(), ruleKey: ruleKey.trim(), category, overdue, order });
  };
  const cleared = writeQueueParams({ ...params, search: '', ruleKey: '', category: '', overdue: false }).toString();

  return (
    <form className="card triage-filters" onSubmit={submit} aria-labelledby="triage-filters-title">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary id="triage-filters-title">{t('queue.filters')}</summary>
      <div className="triage-filter-row">
        <label className="triage-search">
          {t('queue.search')}
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            maxLength={200}
            placeholder={t('queue.searchPlaceholder')}
          />
        </label>
        <label>
          {t('queue.ruleKey')}
          <input
            value={ruleKey}
            onChange={(e) => setRuleKey(e.target.value)}
            placeholder={t('queue.ruleKeyHint')}
            maxLength={40}
            size={12}
          />
        </label>
        <label>
          {t('queue.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('queue.allCategories')}</option>
            {categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
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
        <button type="submit" className="primary">
          {t('queue.apply')}
        </button>
        <Link to={{ search: cleared }}>{t('queue.reset')}</Link>
      </div>
      </details>
    </form>
  );
}
