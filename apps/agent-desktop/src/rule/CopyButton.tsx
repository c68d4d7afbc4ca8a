import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Outcome = 'copied' | 'failed' | undefined;

/** Copies the customer wording; the outcome is said in words next to the button. */
export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(undefined), 3000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <span className="row copy">
      <button type="button" onClick={() => void copy()} aria-describedby="part-customerWording">
        {t('rule.copy')}
      </button>
      <span role="status" className="hint">
        {outcome === 'copied' ? t('rule.copied') : outcome === 'failed' ? t('rule.copyFailed') : ''}
      </span>
    </span>
  );
}
