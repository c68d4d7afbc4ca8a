import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../ui/states';

/** A comment or a reply; operators choose to sign (anonymous otherwise), managers always act by name. */
export function CommentForm({
  label,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  busy: boolean;
  error?: unknown;
  onSubmit(body: string, signed: boolean): Promise<boolean>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('codesign');
  const user = useCurrentUser();
  const [body, setBody] = useState('');
  const [signed, setSigned] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await onSubmit(body.trim(), signed)) setBody('');
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {label}
        <textarea
          required
          minLength={2}
          maxLength={4000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </label>
      {user.role === 'OPERATOR' && (
        <label className="inline">
          <input type="checkbox" checked={signed} onChange={(event) => setSigned(event.target.checked)} />
          {t('comments.sign')}
        </label>
      )}
      <ErrorAlert error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common:cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
