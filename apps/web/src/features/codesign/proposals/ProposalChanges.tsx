import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleChangeKind } from '../../../gql/graphql';
import { RuleDiff } from '../diff/RuleDiff';

export interface RuleDiffView {
  readonly ruleKey: string;
  readonly kind?: RuleChangeKind | null;
  readonly existsBefore: boolean;
  readonly existsAfter: boolean;
  readonly fields: readonly { field: string; before: string; after: string }[];
}

/** Each rule a revision touches (h3), its fields side by side. */
export function ProposalChanges({
  diffs,
  titles,
  beforeLabel,
  afterLabel,
}: {
  diffs: readonly RuleDiffView[];
  titles?: ReadonlyMap<string, string | null>;
  beforeLabel?: string;
  afterLabel?: string;
}) {
  const { t } = useTranslation('codesign');
  // The same rule can be shown twice on a page (current changes, revision history): ids stay unique.
  const prefix = useId();
  if (diffs.length === 0) return <p className="muted">{t('diff.noChanges')}</p>;
  return (
    <div className="stack">
      {diffs.map((diff) => {
        const kind = diff.kind ?? (diff.existsBefore ? (diff.existsAfter ? 'AMEND' : 'RETIRE') : 'CREATE');
        const title = titles?.get(diff.ruleKey);
        return (
          <article key={diff.ruleKey} className="card stack" aria-labelledby={`${prefix}-${diff.ruleKey}`}>
            <h3 id={`${prefix}-${diff.ruleKey}`}>
              {t('diff.ruleHeading', { kind: t(`kind.${kind}`), key: diff.ruleKey })}
              {title ? ` — ${title}` : ''}
            </h3>
            <RuleDiff fields={diff.fields} beforeLabel={beforeLabel} afterLabel={afterLabel} />
          </article>
        );
      })}
    </div>
  );
}
