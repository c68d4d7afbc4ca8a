import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleEntry } from '@pepite/rulebook-client';
import { useRulebook } from '../rulebook/rulebook-context';
import type { SeenStore } from '../rulebook/seen';
import { CategoryNav } from './CategoryNav';
import { optionId, ResultList } from './ResultList';
import { useSlashShortcut } from './use-slash-shortcut';

interface Props {
  readonly seen: SeenStore;
  /** The rule open in the panel. */
  readonly activeKey: string | undefined;
  readonly onOpen: (rule: RuleEntry) => void;
  /** An empty search: report a case no rule covers, starting from the words searched. */
  readonly onReportUncovered: (query: string) => void;
}

const LIST_ID = 'rule-results';
/** Where focus goes back when a report started from the search closes. */
export const SEARCH_INPUT_ID = 'rule-search';

/** Search as you type (accents and case ignored, by the SDK), categories, and the rule list. */
export function SearchPanel({ seen, activeKey, onOpen, onReportUncovered }: Props) {
  const { t } = useTranslation();
  const { state, client, reporter } = useRulebook();
  const snapshot = state.snapshot;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string>();
  const [cursor, setCursor] = useState<string>();
  useSlashShortcut(input);

  const counts = useMemo(() => {
    const byCategory = new Map<string, number>();
    for (const rule of snapshot?.rules ?? []) byCategory.set(rule.category, (byCategory.get(rule.category) ?? 0) + 1);
    return [...byCategory].sort(([a], [b]) => a.localeCompare(b));
  }, [snapshot]);

  const rules = useMemo(() => {
    if (!snapshot) return [];
    const found = query.trim() && client ? client.search(query, { limit: 100 }).map((hit) => hit.rule) : snapshot.rules;
    return category ? found.filter((rule) => rule.category === category) : found;
  }, [snapshot, client, query, category]);

  // A search that settles (1.5 s without typing) on no rule at all goes to the return path,
  // normalised by the SDK, with no person attached (issue 19); every prefix typed does not.
  const nothingFound = snapshot !== undefined && query.trim().length > 0 && rules.length === 0 && !category;
  useEffect(() => {
    if (!nothingFound || !reporter) return;
    const settled = setTimeout(() => void reporter.searchFoundNothing(query), 1500);
    return () => clearTimeout(settled);
  }, [nothingFound, query, reporter]);

  // The keyboard cursor stays on its rule while the list changes, else the first one.
  const active = rules.find((rule) => rule.key === cursor) ?? rules[0];

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const index = active ? rules.indexOf(active) : -1;
    const move = (to: number) => {
      event.preventDefault();
      const next = rules[Math.max(0, Math.min(rules.length - 1, to))];
      if (next) {
        setCursor(next.key);
        document.getElementById(optionId(next.key))?.scrollIntoView({ block: 'nearest' });
      }
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(rules.length - 1);
    else if (event.key === 'Enter' && active) {
      event.preventDefault();
      onOpen(active);
    } else if (event.key === 'Enter' && snapshot && query.trim()) {
      event.preventDefault();
      onReportUncovered(query.trim());
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  }

  const hasQuery = query.trim().length > 0;
  return (
    <section className="search-panel card stack" aria-labelledby="search-title">
      <h2 id="search-title" className="visually-hidden">
        {t('search.listLabel')}
      </h2>
      <label>
        {t('search.label')}
        <input
          id={SEARCH_INPUT_ID}
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={rules.length > 0}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(active.key) : undefined}
          aria-describedby="search-hint"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <p id="search-hint" className="hint">
        {t('search.hint')}
      </p>
      {snapshot && (
        <CategoryNav counts={counts} total={snapshot.rules.length} selected={category} onSelect={setCategory} />
      )}
      <div className="row spread">
        <p className="muted" aria-live="polite">
          {snapshot
            ? t('search.results', { count: rules.length })
            : state.started
              ? t('search.noRulebook')
              : t('search.waiting')}
        </p>
        {snapshot && (
          <button type="button" onClick={() => seen.markAllSeen(snapshot.rules)}>
            {t('search.markAllSeen')}
          </button>
        )}
      </div>
      {hasQuery && rules.length === 0 && snapshot && (
        <div className="empty-state stack tight">
          <p>{t('search.noResult', { query: query.trim() })}</p>
          <p className="hint">{t('search.noRuleHint')}</p>
          <div>
            <button type="button" className="primary" onClick={() => onReportUncovered(query.trim())}>
              {t('search.noRuleReport')}
            </button>
          </div>
        </div>
      )}
      {rules.length > 0 && (
        <ResultList
          id={LIST_ID}
          rules={rules}
          activeKey={active?.key}
          openKey={activeKey}
          mark={seen.mark}
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
