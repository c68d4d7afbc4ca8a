import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_IMPACTS, PEPIN_LIMITS } from '@pepite/pepin-form';
import { graphql } from '../../gql';
import type { CustomerImpact } from '../../gql/graphql';
import { errorMessage } from '../../ui/error-message';
import type { FiledPepin } from './FiledConfirmation';
import { Field } from './Field';
import { newIdempotencyKey } from './idempotency-key';
import { SimilarPepins } from './SimilarPepins';

const FilePepinDocument = graphql(`
  mutation OperatorFilePepin($input: FilePepinInput!) {
    filePepin(input: $input) {
      id
      reference
      ackDueAt
    }
  }
`);


export interface RulePrefill {
  readonly key: string;
  readonly version: number | null;
}

export function FilePepinForm({ prefill, onFiled }: { prefill: RulePrefill | null; onFiled(pepin: FiledPepin): void }) {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ruleKey, setRuleKey] = useState(prefill?.key ?? '');
  const [ruleVersion, setRuleVersion] = useState(prefill?.version ? String(prefill.version) : '');
  const [noRuleApplies, setNoRuleApplies] = useState(false);
  const [customerImpact, setCustomerImpact] = useState<CustomerImpact>('NONE');
  const [callReference, setCallReference] = useState('');
  const [signed, setSigned] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Neither a rule nor "no rule covers this": the operator is asked to say which, so that
  // the box means what it says and a pépin without a rule is never filed by oversight.
  const [ruleMissing, setRuleMissing] = useState(false);
  const ruleKeyInput = useRef<HTMLInputElement>(null);
  const [filePepin, { loading }] = useMutation(FilePepinDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setError(null);
    if (!noRuleApplies && ruleKey.trim() === '') {
      setRuleMissing(true);
      ruleKeyInput.current?.focus();
      return;
    }
    const version = Number.parseInt(ruleVersion, 10);
    try {
      const result = await filePepin({
        variables: {
          input: {
            title: title.trim(),
            description: description.trim(),
            ruleKey: noRuleApplies ? null : ruleKey.trim() || null,
            ruleVersion: noRuleApplies || !Number.isInteger(version) ? null : version,
            noRuleApplies,
            customerImpact,
            callReference: callReference.trim() || null,
            signed,
            idempotencyKey,
          },
        },
      });
      if (result.data) onFiled(result.data.filePepin);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div className="operator-file">
      <form onSubmit={submit} className="card stack" aria-describedby="file-intro">
        <p id="file-intro" className="muted">
          {t('file.intro')}
        </p>
        <Field label={t('file.fieldTitle')} hint={t('file.fieldTitleHint')} hintId="file-title-hint">
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={PEPIN_LIMITS.title.max}
            aria-describedby="file-title-hint"
          />
        </Field>
        <Field
          label={t('file.fieldDescription')}
          hintId="file-description-hint"
          hint={
            <>
              {t('file.fieldDescriptionHint')} {t('file.characters', { count: description.length })}
            </>
          }
        >
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
            maxLength={PEPIN_LIMITS.description.max}
            rows={6}
            aria-describedby="file-description-hint"
          />
        </Field>

        <fieldset className="stack">
          <legend>{t('file.rule')}</legend>
          {prefill && (
            <p className="hint">
              {t('file.prefilled', {
                key: prefill.key,
                version: prefill.version ? t('file.prefilledVersion', { version: prefill.version }) : '',
              })}
            </p>
          )}
          <div className="grid-2">
            <Field label={t('file.ruleKey')} hint={t('file.ruleKeyHint')} hintId="file-rule-key-hint">
              <input
                ref={ruleKeyInput}
                value={ruleKey}
                onChange={(e) => {
                  setRuleKey(e.target.value.toUpperCase());
                  setRuleMissing(false);
                }}
                disabled={noRuleApplies}
                autoCapitalize="characters"
                maxLength={PEPIN_LIMITS.ruleKey.max}
                aria-invalid={ruleMissing || undefined}
                aria-describedby={ruleMissing ? 'file-rule-key-hint file-rule-missing' : 'file-rule-key-hint'}
              />
            </Field>
            <Field label={t('file.ruleVersion')} hint={t('file.ruleVersionHint')} hintId="file-rule-version-hint">
              <input
                type="number"
                min={1}
                inputMode="numeric"
                value={ruleVersion}
                onChange={(e) => setRuleVersion(e.target.value)}
                disabled={noRuleApplies}
                aria-describedby="file-rule-version-hint"
              />
            </Field>
          </div>
          <label className="inline">
            <input
              type="checkbox"
              checked={noRuleApplies}
              onChange={(e) => {
                setNoRuleApplies(e.target.checked);
                setRuleMissing(false);
              }}
            />
            {t('file.noRuleApplies')}
          </label>
          {ruleMissing && (
            <p id="file-rule-missing" role="alert" className="error-banner">
              {t('file.ruleOrNoRule')}
            </p>
          )}
        </fieldset>

        <div className="grid-2">
          <Field label={t('file.impact')}>
            <select value={customerImpact} onChange={(e) => setCustomerImpact(e.target.value as CustomerImpact)}>
              {CUSTOMER_IMPACTS.map((impact) => (
                <option key={impact} value={impact}>
                  {tc(`impact.${impact}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('file.callReference')} hint={t('file.callReferenceHint')} hintId="file-call-hint">
            <input
              value={callReference}
              onChange={(e) => setCallReference(e.target.value)}
              maxLength={PEPIN_LIMITS.callReference.max}
              aria-describedby="file-call-hint"
            />
          </Field>
        </div>

        <div className="operator-field">
          <label className="inline">
            <input
              type="checkbox"
              checked={signed}
              onChange={(e) => setSigned(e.target.checked)}
              aria-describedby="file-anonymity"
            />
            {t('file.signed')}
          </label>
          <p id="file-anonymity" className="hint">
            {t('file.anonymity')}
          </p>
        </div>

        {error !== null && (
          <p role="alert" className="error-banner">
            {errorMessage(error)}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('file.submitting') : t('file.submit')}
          </button>
        </div>
      </form>
      <SimilarPepins title={title} description={description} ruleKey={noRuleApplies ? '' : ruleKey} signed={signed} />
    </div>
  );
}
