import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../ui/format';
import { EmptyState, ErrorAlert, ErrorBanner, Loading } from '../../ui/states';
import { MandatoryReadingStatusDocument, RemindMandatoryReadingDocument } from './floor-documents';

/**
 * Who on the site has not yet acknowledged each mandatory change, by name: mandatory reading
 * is individual by nature, and the screen says so. No acknowledgement time is shown.
 */
export function MandatoryReadingSection({ siteId }: { siteId: string | null }) {
  const { t } = useTranslation('floor');
  const { data, error, refetch } = useQuery(MandatoryReadingStatusDocument, { variables: { siteId } }); // live: FloorPage's subscription
  const [remind, reminding] = useMutation(RemindMandatoryReadingDocument);
  const [told, setTold] = useState<string>();
  const changes = data?.mandatoryReadingStatus;
  return (
    <section className="card stack" aria-labelledby="floor-reading-heading">
      <h2 id="floor-reading-heading">{t('reading.heading')}</h2>
      <p className="hint">{t('reading.individual')}</p>
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {!changes && !error && <Loading />}
      {changes && changes.length === 0 && <EmptyState title={t('reading.empty')} />}
      <p role="status" className="muted">
        {told}
      </p>
      {reminding.error && <ErrorAlert error={reminding.error} />}
      {changes && changes.length > 0 && (
        <ul className="plain stack">
          {changes.map((change) => {
            const key = `${change.releaseVersion}:${change.ruleKey}`;
            return (
              <li key={key} className="card stack" data-testid="reading-status">
                <h3>
                  {change.title} ({change.ruleKey})
                </h3>
                <p className="muted">
                  {t(change.kind === 'ADVISORY' ? 'reading.advisory' : 'reading.ruleChange', {
                    version: change.releaseVersion,
                    date: formatDateTime(change.publishedAt),
                  })}
                </p>
                <p data-testid="reading-count" aria-live="polite">
                  {t('reading.count', { acknowledged: formatNumber(change.acknowledged), operators: formatNumber(change.operators) })}
                </p>
                {change.pending.length > 0 && (
                  <>
                    <details>
                      <summary>{t('reading.pending', { count: change.pending.length })}</summary>
                      <ul>
                        {change.pending.map((reader) => (
                          <li key={reader.userId}>
                            {reader.displayName}
                            {reader.teamName ? ` — ${reader.teamName}` : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                    <div>
                      <button
                        type="button"
                        disabled={reminding.loading}
                        onClick={() =>
                          void remind({
                            variables: { input: { releaseVersion: change.releaseVersion, ruleKey: change.ruleKey, siteId } },
                          }).then(
                            (result) =>
                              setTold(
                                t('reading.reminded', { count: result.data?.remindMandatoryReading.reminded ?? 0, title: change.title }),
                              ),
                            () => undefined,
                          )
                        }
                      >
                        {t('reading.remind', { count: change.pending.length })}
                      </button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
