import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/states';

interface Props {
  /** `close` or `cancel`: picks the texts (`vote.closeTitle`, `vote.cancelHint`…) and the button's look. */
  kind: 'close' | 'cancel';
  error?: Error | null;
  loading: boolean;
  /** Runs once the reader confirmed. */
  onConfirmed(): void;
}

/** Ending a vote before its deadline, for its opener or an admin: a titled card, a hint, a confirmed button. */
export function EndVoteAction({ kind, error, loading, onConfirmed }: Props) {
  const { t } = useTranslation('codesign');
  const id = `${kind}-vote`;
  return (
    <section aria-labelledby={id} className="card stack">
      <h2 id={id}>{t(`vote.${kind}Title`)}</h2>
      <p className="hint">{t(`vote.${kind}Hint`)}</p>
      <ErrorAlert error={error} />
      <div>
        <button
          type="button"
          className={kind === 'close' ? 'primary' : 'danger'}
          disabled={loading}
          onClick={() => {
            if (window.confirm(t(`vote.${kind}Confirm`))) onConfirmed();
          }}
        >
          {t(`vote.${kind}`)}
        </button>
      </div>
    </section>
  );
}
