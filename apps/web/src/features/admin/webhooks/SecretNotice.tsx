import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown once after registration; focus goes to it so it is not missed. */
export function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone(): void }) {
  const { t } = useTranslation('webhooks');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <section className="card stack webhook-secret" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">{t('secret.title')}</h2>
      <p>{t('secret.intro', { url })}</p>
      <label>
        {t('secret.label')}
        <input ref={field} readOnly value={secret} spellCheck={false} className="mono" />
      </label>
      <div className="row">
        <button type="button" onClick={onDone}>
          {t('secret.done')}
        </button>
      </div>
    </section>
  );
}
