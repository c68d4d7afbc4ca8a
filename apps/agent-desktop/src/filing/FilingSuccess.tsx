import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The reference is what the operator notes down or tells a colleague. */
export function FilingSuccess({ reference, toRule, onBack }: { reference: string; toRule: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => message.current?.focus(), []);
  return (
    <section className="card stack" aria-labelledby="filing-heading">
      <h2 id="filing-heading">{t('filing.title')}</h2>
      <p role="status" className="success" tabIndex={-1} ref={message}>
        {t('filing.success', { reference })}
      </p>
      <div>
        <button type="button" onClick={onBack}>
          {toRule ? t('filing.backToRule') : t('filing.backToSearch')}
        </button>
      </div>
    </section>
  );
}
