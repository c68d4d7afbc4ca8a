import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRulebook } from '../rulebook/rulebook-context';
import { formatDateTime } from '../ui/format';
import type { MandatoryReading } from './reading-api';
import type { MandatoryReadings } from './use-mandatory-readings';

/**
 * "Lecture obligatoire", shown first on the desktop until the operator presses "J'ai lu et
 * compris" on each change. Says what is recorded and who sees it. The operator's own list
 * (acknowledged ones, with the time) sits behind a disclosure.
 */
export function MandatoryReadingPanel({ readings, acknowledge }: MandatoryReadings) {
  const { t } = useTranslation();
  const { state } = useRulebook();
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const [done, setDone] = useState<string>();
  if (!readings || readings.length === 0) return null;
  const pending = readings.filter((reading) => reading.acknowledgedAt === null);
  const read = readings.filter((reading) => reading.acknowledgedAt !== null);
  const id = (reading: MandatoryReading) => `${reading.releaseVersion}:${reading.ruleKey}`;
  const press = async (reading: MandatoryReading) => {
    setBusy(id(reading));
    setFailed(undefined);
    try {
      await acknowledge(reading);
      setDone(t('reading.thanks', { title: reading.title }));
    } catch {
      setFailed(id(reading));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className={`card reading${pending.length > 0 ? ' reading-pending' : ''}`} aria-labelledby="reading-heading">
      <h2 id="reading-heading">
        {pending.length > 0 ? t('reading.heading', { count: pending.length }) : t('reading.allRead')}
      </h2>
      <p className="muted">{t('reading.recorded')}</p>
      <p className="visually-hidden" role="status">
        {done}
      </p>
      {pending.length > 0 && (
        <ul className="reading-list">
          {pending.map((reading) => {
            const rule = state.snapshot?.rules.find((entry) => entry.key === reading.ruleKey);
            return (
              <li key={id(reading)} className="reading-item" data-testid="mandatory-reading">
                <h3>
                  {reading.title} <span className="muted">({reading.ruleKey})</span>
                </h3>
                <p className="muted">
                  {t(reading.kind === 'ADVISORY' ? 'reading.advisory' : 'reading.ruleChange', {
                    version: reading.releaseVersion,
                    date: formatDateTime(reading.publishedAt),
                  })}
                </p>
                <p className="prewrap">{reading.message ?? rule?.statement ?? t('reading.retired')}</p>
                {failed === id(reading) && (
                  <p className="error" role="alert">
                    {t('reading.failed')}
                  </p>
                )}
                <button type="button" className="primary" disabled={busy === id(reading)} onClick={() => void press(reading)}>
                  {t('reading.acknowledge')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {read.length > 0 && (
        <details>
          <summary>{t('reading.mine', { count: read.length })}</summary>
          <ul className="plain">
            {read.map((reading) => (
              <li key={id(reading)}>
                {t('reading.readAt', {
                  title: reading.title,
                  key: reading.ruleKey,
                  version: reading.releaseVersion,
                  date: formatDateTime(reading.acknowledgedAt ?? ''),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
