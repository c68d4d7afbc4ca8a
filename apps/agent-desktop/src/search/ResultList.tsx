import { useTranslation } from 'react-i18next';
import type { RuleEntry } from '@pepite/rulebook-client';
import { ChangeMarkBadge } from '../rule/ChangeMarkBadge';
import type { ChangeMark } from '../rulebook/seen';

interface Props {
  readonly id: string;
  readonly rules: readonly RuleEntry[];
  readonly activeKey: string | undefined;
  readonly openKey: string | undefined;
  readonly mark: (rule: RuleEntry) => ChangeMark;
  readonly onOpen: (rule: RuleEntry) => void;
}

export function optionId(key: string): string {
  return `rule-option-${key}`;
}

/**
 * The listbox of the search combobox: the search box keeps the focus (the operator can go
 * on typing) and points at the active option; a click opens a rule too.
 */
export function ResultList({ id, rules, activeKey, openKey, mark, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <ul id={id} role="listbox" aria-label={t('search.listLabel')} className="results">
      {rules.map((rule) => {
        const ruleMark = mark(rule);
        return (
          <li
            key={rule.key}
            id={optionId(rule.key)}
            role="option"
            aria-selected={rule.key === activeKey}
            aria-current={rule.key === openKey ? 'true' : undefined}
            className={rule.key === activeKey ? 'result active' : 'result'}
            onClick={() => onOpen(rule)}
          >
            <span className="result-title">
              {rule.title} <ChangeMarkBadge mark={ruleMark} />
            </span>
            <span className="result-meta">
              {rule.key} · {rule.category}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
