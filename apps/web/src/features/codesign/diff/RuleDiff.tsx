import { useTranslation } from 'react-i18next';
import type { FieldChange } from './rule-fields';
import { WordDiff } from './WordDiff';

/** A rule's changed fields, each side by side (current vs proposed); h4 per field under the caller's h3. */
export function RuleDiff({
  fields,
  beforeLabel,
  afterLabel,
}: {
  fields: readonly FieldChange[];
  beforeLabel?: string;
  afterLabel?: string;
}) {
  const { t } = useTranslation('codesign');
  if (fields.length === 0) return <p className="muted">{t('diff.unchanged')}</p>;
  return (
    <div className="stack rule-diff">
      {fields.map((change) => (
        <div key={change.field}>
          <h4>{t(`field.${change.field}`, { defaultValue: change.field })}</h4>
          <WordDiff
            before={change.before}
            after={change.after}
            beforeLabel={beforeLabel ?? t('diff.current')}
            afterLabel={afterLabel ?? t('diff.proposed')}
          />
        </div>
      ))}
    </div>
  );
}
