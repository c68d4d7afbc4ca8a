import { useTranslation } from 'react-i18next';
import { RuleDiff } from '../diff/RuleDiff';
import { changedFields, COMPARED_FIELDS, type RuleText } from '../diff/rule-fields';

interface RuleRow extends Readonly<RuleText> {
  readonly key: string;
  readonly tags: readonly string[];
  readonly effectiveFrom: string;
}

/** Two releases' rules grouped: added, amended (field by field, side by side), retired. */
export function RulebookDiff({
  from,
  to,
  before,
  after,
}: {
  from: number;
  to: number;
  before: readonly RuleRow[];
  after: readonly RuleRow[];
}) {
  const { t } = useTranslation('codesign');
  const old = new Map(before.map((rule) => [rule.key, rule]));
  const now = new Map(after.map((rule) => [rule.key, rule]));
  const added = after.filter((rule) => !old.has(rule.key));
  const retired = before.filter((rule) => !now.has(rule.key));
  const amended = after
    .filter((rule) => old.has(rule.key))
    .map((rule) => ({ rule, fields: changedFields(old.get(rule.key) ?? null, rule, COMPARED_FIELDS) }))
    .filter((entry) => entry.fields.length > 0);
  const labels = {
    beforeLabel: t('releases.versionN', { version: from }),
    afterLabel: t('releases.versionN', { version: to }),
  };

  if (added.length + retired.length + amended.length === 0)
    return <p role="status">{t('compare.same', { from, to })}</p>;

  return (
    <div className="stack">
      <section aria-labelledby="cmp-amended" className="stack">
        <h2 id="cmp-amended">{t('compare.amended', { count: amended.length })}</h2>
        {amended.map(({ rule, fields }) => (
          <article key={rule.key} className="card stack" aria-labelledby={`cmp-${rule.key}`}>
            <h3 id={`cmp-${rule.key}`}>
              {rule.key} — {rule.title}
            </h3>
            <RuleDiff fields={fields} {...labels} />
          </article>
        ))}
      </section>
      <section aria-labelledby="cmp-added" className="stack">
        <h2 id="cmp-added">{t('compare.added', { count: added.length })}</h2>
        {added.map((rule) => (
          <article key={rule.key} className="card stack" aria-labelledby={`cmp-${rule.key}`}>
            <h3 id={`cmp-${rule.key}`}>
              {rule.key} — {rule.title}
            </h3>
            <RuleDiff fields={changedFields(null, rule, COMPARED_FIELDS)} {...labels} />
          </article>
        ))}
      </section>
      <section aria-labelledby="cmp-retired" className="stack">
        <h2 id="cmp-retired">{t('compare.retired', { count: retired.length })}</h2>
        {retired.length > 0 && (
          <ul>
            {retired.map((rule) => (
              <li key={rule.key}>
                {rule.key} — {rule.title}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
