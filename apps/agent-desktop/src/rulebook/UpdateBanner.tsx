import { useTranslation } from 'react-i18next';
import { changeCount } from './diff';
import { useRulebook } from './rulebook-context';

interface Props {
  readonly onShowChanges: () => void;
  readonly onOpenRule: (key: string) => void;
}

/**
 * The live announcement. The region is always in the page so screen readers hear what
 * arrives in it (a live region added together with its text is often not announced).
 */
export function UpdateBanner({ onShowChanges, onOpenRule }: Props) {
  const { t } = useTranslation();
  const { state, dismissUpdate } = useRulebook();
  const update = state.lastUpdate;
  const advisory = state.lastAdvisory;
  const visible = update !== undefined || advisory !== undefined;
  return (
    <div role="status" aria-live="polite" className={visible ? 'update-banner' : 'update-banner empty'}>
      {update && (
        <p className="row">
          <strong>{t('update.release', { version: update.to, count: changeCount(update) })}</strong>
          <button type="button" className="link-button" onClick={onShowChanges}>
            {t('update.seeChanges')}
          </button>
        </p>
      )}
      {advisory && (
        <p className="row">
          <strong>{t('update.advisory', { key: advisory.ruleKey, message: advisory.message })}</strong>
          <button type="button" className="link-button" onClick={() => onOpenRule(advisory.ruleKey)}>
            {t('update.openRule', { key: advisory.ruleKey })}
          </button>
        </p>
      )}
      {visible && (
        <button type="button" className="dismiss" onClick={dismissUpdate} aria-label={t('update.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
