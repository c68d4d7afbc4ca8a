import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/states';

/**
 * A button that asks before acting, inline rather than in a modal: the question and its
 * two answers appear in place, focus moves to "Confirmer", Escape or "Annuler" go back.
 */
export function ConfirmAction({ label, accessibleLabel, question, danger, onConfirm }: {
  label: string;
  accessibleLabel: string;
  question: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') setAsking(false);
  }

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className={danger ? 'danger' : undefined} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question} className="stack admin-confirm" onKeyDown={onKeyDown}>
      <p>{question}</p>
      <ErrorAlert error={error} />
      <div className="row">
        <button ref={confirmRef} type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
          {t('users.confirmYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('userForm.cancel')}
        </button>
      </div>
    </div>
  );
}
