import { ErrorAlert } from '../../ui/states';

/** The foot of an admin form: the error if the last try failed, then submit (busy label while saving) and cancel. */
export function FormActions({ error, busy, submitLabel, busyLabel, cancelLabel, onCancel }: {
  error: unknown;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  cancelLabel: string;
  onCancel(): void;
}) {
  return (
    <>
      <ErrorAlert error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
