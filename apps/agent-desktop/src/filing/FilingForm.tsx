import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_IMPACTS, PEPIN_LIMITS } from '@pepite/pepin-form';
import { GraphqlRequestError } from '../app/graphql';
import { readSession } from '../app/session';
import { useRulebook } from '../rulebook/rulebook-context';
import { filePepin, newIdempotencyKey, type CustomerImpact, type FiledPepin } from './file-pepin';
import { FilingSuccess } from './FilingSuccess';

/**
 * What the report is about: the rule and the release the operator was reading, or a case no
 * rule covers, found by an empty search (its words start the title).
 */
export type FilingTarget =
  | { readonly kind: 'rule'; readonly key: string; readonly revision: number; readonly version: number }
  | { readonly kind: 'none'; readonly query: string; readonly version: number };

interface Props {
  readonly graphqlUrl: string;
  readonly target: FilingTarget;
  /** Leaves the form (Cancel, Escape): the caller puts focus back where the form was opened. */
  readonly onClose: () => void;
  /** After filing: back to what the operator was reading. */
  readonly onBack: () => void;
}

type Invalid = { title?: boolean; description?: boolean };

const within = (text: string, { min, max }: { readonly min: number; readonly max: number }) =>
  [...text.trim()].length >= min && [...text.trim()].length <= max;

export function FilingForm({ graphqlUrl, target, onClose, onBack }: Props) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const ruleTitle =
    target.kind === 'rule' ? state.snapshot?.rules.find((rule) => rule.key === target.key)?.title : undefined;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [title, setTitle] = useState(target.kind === 'none' ? target.query : '');
  const firstField = useRef<HTMLInputElement>(null);
  // Opened with Enter or a click, the operator types at once: focus in the first field.
  useEffect(() => firstField.current?.focus(), []);
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState<CustomerImpact>('NONE');
  const [callReference, setCallReference] = useState('');
  const [signed, setSigned] = useState(false);
  const [invalid, setInvalid] = useState<Invalid>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [filed, setFiled] = useState<FiledPepin>();
  const errorBox = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check: Invalid = {
      title: !within(title, PEPIN_LIMITS.title),
      description: !within(description, PEPIN_LIMITS.description),
    };
    setInvalid(check);
    if (check.title || check.description) {
      document.getElementById(check.title ? 'filing-title' : 'filing-description')?.focus();
      return;
    }
    const token = readSession()?.token;
    if (!token) {
      setError(t('filing.sessionExpired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setFiled(
        await filePepin(graphqlUrl, token, {
          title: title.trim(),
          description: description.trim(),
          ...(target.kind === 'rule'
            ? { ruleKey: target.key, ruleVersion: target.version }
            : { noRuleApplies: true }),
          customerImpact: impact,
          ...(callReference.trim() ? { callReference: callReference.trim() } : {}),
          signed,
          idempotencyKey,
        }),
      );
    } catch (failure) {
      const code = failure instanceof GraphqlRequestError ? failure.code : 'NETWORK';
      setError(
        code === 'NETWORK'
          ? t('filing.offline')
          : code === 'UNAUTHENTICATED'
            ? t('filing.sessionExpired')
            : t('filing.failed', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
      requestAnimationFrame(() => errorBox.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || busy) return;
    event.preventDefault();
    onClose();
  }

  if (filed) return <FilingSuccess reference={filed.reference} toRule={target.kind === 'rule'} onBack={onBack} />;
  return (
    <section className="card stack" aria-labelledby="filing-heading" onKeyDown={onKeyDown}>
      <h2 id="filing-heading" tabIndex={-1}>
        {target.kind === 'rule' ? t('filing.title') : t('filing.noRuleTitle')}
      </h2>
      <p className="prefill">
        {target.kind === 'rule'
          ? t('filing.about', { key: target.key, revision: target.revision, version: target.version })
          : t('filing.noRuleAbout', { version: target.version })}
        {ruleTitle && (
          <>
            <br />
            <span className="muted">{t('filing.ruleTitle', { title: ruleTitle })}</span>
          </>
        )}
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field-head">
          <label htmlFor="filing-title">{t('filing.titleField')}</label>
          <p className="hint" id="filing-title-hint">
            {t('filing.titleHint')}
          </p>
        </div>
        <input
          id="filing-title"
          ref={firstField}
          value={title}
          maxLength={PEPIN_LIMITS.title.max}
          required
          aria-invalid={invalid.title || undefined}
          aria-describedby={invalid.title ? 'filing-title-hint filing-title-error' : 'filing-title-hint'}
          onChange={(event) => {
            setTitle(event.target.value);
            setInvalid((current) => ({ ...current, title: false }));
          }}
        />
        {invalid.title && (
          <p id="filing-title-error" className="error">
            {t('filing.tooShortTitle')}
          </p>
        )}
        <div className="field-head">
          <label htmlFor="filing-description">{t('filing.description')}</label>
          <p className="hint" id="filing-description-hint">
            {t('filing.descriptionHint')}
          </p>
        </div>
        <textarea
          id="filing-description"
          value={description}
          maxLength={PEPIN_LIMITS.description.max}
          required
          rows={6}
          aria-invalid={invalid.description || undefined}
          aria-describedby={
            invalid.description ? 'filing-description-hint filing-description-error' : 'filing-description-hint'
          }
          onChange={(event) => {
            setDescription(event.target.value);
            setInvalid((current) => ({ ...current, description: false }));
          }}
        />
        <p className="hint" aria-hidden="true">
          {t('filing.characters', { count: description.trim().length, max: PEPIN_LIMITS.description.max })}
        </p>
        {invalid.description && (
          <p id="filing-description-error" className="error">
            {t('filing.tooShortDescription')}
          </p>
        )}
        <label>
          {t('filing.impact')}
          <select value={impact} onChange={(event) => setImpact(event.target.value as CustomerImpact)}>
            {CUSTOMER_IMPACTS.map((value) => (
              <option key={value} value={value}>
                {t(`filing.impact${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="filing-call-reference">{t('filing.callReference')}</label>
        <input
          id="filing-call-reference"
          value={callReference}
          maxLength={PEPIN_LIMITS.callReference.max}
          aria-describedby="filing-call-reference-hint"
          onChange={(event) => setCallReference(event.target.value)}
        />
        <p id="filing-call-reference-hint" className="hint">
          {t('filing.callReferenceHint')}
        </p>
        <label className="inline">
          <input
            type="checkbox"
            checked={signed}
            onChange={(event) => setSigned(event.target.checked)}
            aria-describedby="filing-signed-hint"
          />
          {t('filing.signed')}
        </label>
        <p id="filing-signed-hint" className="hint">
          {t('filing.signedHint')}
        </p>
        {error && (
          <p role="alert" className="error" tabIndex={-1} ref={errorBox}>
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('filing.submitting') : t('filing.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('filing.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
