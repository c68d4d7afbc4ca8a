import { useTranslation } from 'react-i18next';
import type { RuleEntry } from '@pepite/rulebook-client';
import { amendmentEffectiveFrom, RULE_PARTS } from '../rulebook/diff';
import { useRulebook } from '../rulebook/rulebook-context';
import type { ChangeMark } from '../rulebook/seen';
import { formatDate } from '../ui/format';
import { AdvisoryList } from './AdvisoryList';
import { ChangeMarkBadge } from './ChangeMarkBadge';
import { CopyButton } from './CopyButton';

/** Where focus goes back when the report form closes. */
export const REPORT_BUTTON_ID = 'rule-report';

interface Props {
  readonly ruleKey: string;
  readonly mark: (rule: RuleEntry) => ChangeMark;
  readonly onReport: (rule: RuleEntry) => void;
}

/**
 * One rule, read from the trusted release at each render: a new release or advisory
 * updates it in place while it is open.
 */
export function RuleView({ ruleKey, mark, onReport }: Props) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const snapshot = state.snapshot;
  const rule = snapshot?.rules.find((entry) => entry.key === ruleKey);
  if (!snapshot || !rule) {
    return (
      <section className="card" aria-labelledby="rule-title">
        <h2 id="rule-title" tabIndex={-1}>
          {ruleKey}
        </h2>
        <p>{t('rule.retired')}</p>
      </section>
    );
  }
  const advisories = state.advisories.filter((advisory) => advisory.ruleKey === rule.key);
  const update = state.lastUpdate;
  const amendment = update?.amended.find((change) => change.after.key === rule.key && change.after.revision === rule.revision);
  return (
    <article className="card stack rule" aria-labelledby="rule-title">
      <header className="stack tight">
        <div className="row spread">
          <h2 id="rule-title" tabIndex={-1}>
            {rule.title} <ChangeMarkBadge mark={mark(rule)} />
          </h2>
          <button
            id={REPORT_BUTTON_ID}
            type="button"
            className="primary"
            onClick={() => onReport(rule)}
            aria-label={t('rule.reportLabel', { key: rule.key })}
          >
            {t('rule.report')}
          </button>
        </div>
        <p className="muted">
          {t('rule.meta', {
            key: rule.key,
            revision: rule.revision,
            version: snapshot.version,
            category: rule.category,
          })}
        </p>
        <p className="muted">
          {update && amendment
            ? t('rule.amendedIn', {
                version: update.to,
                date: formatDate(amendmentEffectiveFrom(amendment.before, amendment.after, update.publishedAt)),
              })
            : t('rule.effectiveFrom', { date: formatDate(rule.effectiveFrom) })}
        </p>
      </header>
      {advisories.length > 0 && <AdvisoryList advisories={advisories} />}
      {RULE_PARTS.map((part) => (
        <section key={part} className={`part part-${part}`} aria-labelledby={`part-${part}`}>
          <div className="row spread">
            <h3 id={`part-${part}`}>{t(`rule.${part}`)}</h3>
            {part === 'customerWording' && <CopyButton text={rule.customerWording} />}
          </div>
          <p className="part-text">{rule[part]}</p>
        </section>
      ))}
      {rule.tags.length > 0 && <p className="muted">{t('rule.tags', { tags: rule.tags.join(', ') })}</p>}
    </article>
  );
}
