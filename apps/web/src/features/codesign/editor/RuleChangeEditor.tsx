import { useTranslation } from 'react-i18next';
import type { RuleChangeKind } from '../../../gql/graphql';
import { changedFields, EMPTY_RULE, LONG_FIELDS, RULE_FIELDS, ruleText, type RuleText } from '../diff/rule-fields';
import { RuleDiff } from '../diff/RuleDiff';

export interface ChangeDraft {
  readonly uid: number;
  readonly kind: RuleChangeKind;
  readonly ruleKey: string;
  readonly fields: RuleText;
}

export interface CurrentRule extends RuleText {
  readonly key: string;
}

const KINDS: readonly RuleChangeKind[] = ['AMEND', 'CREATE', 'RETIRE'];

interface Props {
  index: number;
  draft: ChangeDraft;
  rules: readonly CurrentRule[];
  onChange(draft: ChangeDraft): void;
  onRemove?: () => void;
}

/** One rule change: the form on one side, the live diff against the rule in force on the other. */
export function RuleChangeEditor({ index, draft, rules, onChange, onRemove }: Props) {
  const { t } = useTranslation('codesign');
  const current = rules.find((rule) => rule.key === draft.ruleKey) ?? null;
  const id = `change-${draft.uid}`;

  function pickRule(key: string) {
    const rule = rules.find((candidate) => candidate.key === key);
    // AMEND starts from the published wording, so the diff shows only what the author edits.
    onChange({ ...draft, ruleKey: key, fields: rule ? ruleText(rule) : EMPTY_RULE });
  }

  function setKind(kind: RuleChangeKind) {
    if (kind === 'CREATE') onChange({ ...draft, kind, ruleKey: '', fields: EMPTY_RULE });
    else onChange({ ...draft, kind, fields: current ? ruleText(current) : EMPTY_RULE });
  }

  const before = draft.kind === 'CREATE' ? null : current;
  const after = draft.kind === 'RETIRE' ? null : draft.fields;
  const preview = draft.ruleKey && (draft.kind === 'CREATE' || current) ? changedFields(before, after) : null;

  return (
    <div className="grid-2 change-editor">
      <fieldset className="card stack">
        <legend>{t('editor.changeN', { number: index + 1 })}</legend>
        <label>
          {t('editor.kind')}
          <select value={draft.kind} onChange={(event) => setKind(event.target.value as RuleChangeKind)}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`editor.kindOption.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.kind === 'CREATE' ? (
          <label>
            {t('editor.newKey')}
            <input
              required
              value={draft.ruleKey}
              pattern="[A-Z0-9][A-Z0-9\-]*"
              aria-describedby={`${id}-key-hint`}
              onChange={(event) => onChange({ ...draft, ruleKey: event.target.value.toUpperCase() })}
            />
            <span id={`${id}-key-hint`} className="hint">
              {t('editor.newKeyHint')}
            </span>
          </label>
        ) : (
          <label>
            {t('editor.rule')}
            <select required value={draft.ruleKey} onChange={(event) => pickRule(event.target.value)}>
              <option value="">{t('editor.pickRule')}</option>
              {rules.map((rule) => (
                <option key={rule.key} value={rule.key}>
                  {rule.key} — {rule.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {draft.kind !== 'RETIRE' &&
          (draft.kind === 'CREATE' || current) &&
          RULE_FIELDS.map((field) => (
            <label key={field}>
              {t(`field.${field}`)}
              {LONG_FIELDS.has(field) ? (
                <textarea
                  required={draft.kind === 'CREATE'}
                  value={draft.fields[field]}
                  onChange={(event) => onChange({ ...draft, fields: { ...draft.fields, [field]: event.target.value } })}
                />
              ) : (
                <input
                  required={draft.kind === 'CREATE'}
                  value={draft.fields[field]}
                  onChange={(event) => onChange({ ...draft, fields: { ...draft.fields, [field]: event.target.value } })}
                />
              )}
            </label>
          ))}
        {onRemove && (
          <div>
            <button type="button" className="danger" onClick={onRemove}>
              {t('editor.removeChange', { number: index + 1 })}
            </button>
          </div>
        )}
      </fieldset>
      <section className="card stack" aria-labelledby={`${id}-preview`} aria-live="polite">
        <h3 id={`${id}-preview`}>{t('editor.preview', { number: index + 1, key: draft.ruleKey || '…' })}</h3>
        {preview ? <RuleDiff fields={preview} /> : <p className="muted">{t('editor.previewEmpty')}</p>}
      </section>
    </div>
  );
}
