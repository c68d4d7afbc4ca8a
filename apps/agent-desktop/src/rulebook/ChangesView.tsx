import { useTranslation } from 'react-i18next';
import type { RuleEntry } from '@pepite/rulebook-client';
import { formatDate } from '../ui/format';
import { amendmentEffectiveFrom, RULE_PARTS } from './diff';
import { ParagraphDiff } from './ParagraphDiff';
import { useRulebook } from './rulebook-context';

/** "What changed": the rules added, amended (part by part, before and now) and retired. */
export function ChangesView({ onOpen }: { onOpen: (rule: RuleEntry) => void }) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const diff = state.lastUpdate;
  if (!diff) {
    return (
      <section className="card stack" aria-labelledby="changes-title">
        <h2 id="changes-title" tabIndex={-1}>
          {t('changes.title')}
        </h2>
        <p className="muted">{t('changes.nothing')}</p>
      </section>
    );
  }
  const empty = diff.added.length + diff.amended.length + diff.retired.length === 0;
  return (
    <section className="card stack" aria-labelledby="changes-title">
      <h2 id="changes-title" tabIndex={-1}>
        {t('changes.title')}
      </h2>
      <p className="muted">{t('changes.fromTo', { from: diff.from, to: diff.to })}</p>
      {diff.notes && <p>{t('changes.notes', { notes: diff.notes })}</p>}
      {diff.answers.length > 0 && <p>{t('changes.answers', { refs: diff.answers.join(', ') })}</p>}
      {diff.proposals.length > 0 && <p>{t('changes.proposals', { refs: diff.proposals.join(', ') })}</p>}
      {empty && <p>{t('changes.none')}</p>}
      {diff.added.length > 0 && (
        <>
          <h3>{t('changes.added')}</h3>
          <ul className="change-list">
            {diff.added.map((rule) => (
              <li key={rule.key}>
                <button type="button" className="link-button" onClick={() => onOpen(rule)}>
                  {rule.title} <span className="muted">({rule.key})</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.amended.length > 0 && (
        <>
          <h3>{t('changes.amended')}</h3>
          <ul className="change-list">
            {diff.amended.map(({ before, after }) => (
              <li key={after.key} className="stack">
                <button type="button" className="link-button" onClick={() => onOpen(after)}>
                  {after.title} <span className="muted">({after.key})</span>
                </button>
                <p className="muted">
                  {t('changes.effectiveFrom', {
                    date: formatDate(amendmentEffectiveFrom(before, after, diff.publishedAt)),
                  })}
                </p>
                {RULE_PARTS.filter((part) => before[part] !== after[part]).map((part) => (
                  <div
                    key={part}
                    role="group"
                    aria-labelledby={`change-${after.key}-${part}`}
                    className="before-after"
                  >
                    <p className="part-name" id={`change-${after.key}-${part}`}>
                      {t(`rule.${part}`)}
                    </p>
                    <ParagraphDiff before={before[part]} after={after[part]} />
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.retired.length > 0 && (
        <>
          <h3>{t('changes.retired')}</h3>
          <ul className="change-list">
            {diff.retired.map((rule) => (
              <li key={rule.key}>
                {rule.title} <span className="muted">({rule.key})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
