import { useTranslation } from 'react-i18next';
import type { AdvisoryEntry } from '@pepite/rulebook-client';
import { formatDateTime } from '../ui/format';

/** Interim guidance comes before the rule's own text: it is what applies today. */
export function AdvisoryList({ advisories }: { advisories: readonly AdvisoryEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="advisories" aria-labelledby="advisories-title">
      <h3 id="advisories-title">
        <span aria-hidden="true">⚠ </span>
        {t('rule.advisories')}
      </h3>
      <ul>
        {advisories.map((advisory) => (
          <li key={advisory.id}>
            <p>{advisory.message}</p>
            <p className="hint">{t('rule.advisoryUntil', { date: formatDateTime(advisory.expiresAt) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
