import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphqlRequestError } from '../app/graphql';
import { readSession } from '../app/session';
import { useRulebook } from '../rulebook/rulebook-context';
import {
  CUSTOMER_IMPACTS,
  filePepin,
  LIMITS,
  newIdempotencyKey,
  type CustomerImpact,
  type FiledPepin,
} from './file-pepin';
import { FilingSuccess } from './FilingSuccess';

interface Props {
  readonly graphqlUrl: string;
  /** The rule and the release the operator was reading when they chose to report. */
  readonly target: { readonly key: string; readonly revision: number; readonly version: number };
  readonly onBack: () => void;
}

type Invalid = { title?: boolean; description?: boolean };

const within = (text: string, [min, max]: readonly [number, number]) =>
  text.trim().length >= min && text.trim().length <= max;

export function FilingForm({ graphqlUrl, target, onBack }: Props) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const ruleTitle = state.snapshot?.rules.find((rule) => rule.key === target.key)?.title;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [title, setTitle] = useState('');
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
      title: !within(title, LIMITS.title),
      description: !within(description, LIMITS.description),
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
          ruleKey: target.key,
          ruleVersion: target.version,
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

  if (filed) return <FilingSuccess reference={filed.reference} onBack={onBack} />;
  return (
    <section className="card stack" aria-labelledby="filing-heading">
      <h2 id="filing-heading" tabIndex={-1}>
        {t('filing.title')}
      </h2>
      <p className="prefill">
        {t('filing.about', { key: target.key, revision: target.revision, version: target.version })}
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
          value={title}
          maxLength={LIMITS.title[1]}
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
          maxLength={LIMITS.description[1]}
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
          {t('filing.characters', { count: description.trim().length, max: LIMITS.description[1] })}
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
        <label>
          {t('filing.callReference')}
          <input value={callReference} maxLength={100} onChange={(event) => setCallReference(event.target.value)} />
        </label>
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
          <button type="button" onClick={onBack}>
            {t('filing.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
