import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ErrorBanner, Loading } from '../../ui/states';
import { ReleaseAdoptionDocument } from './floor-documents';
import { formatCount, formatHours, formatShare } from './floor-format';

/** Who runs release `version` on the site: aggregates only, teams under 3 people folded. */
export function AdoptionSection({ version, siteId }: { version: number; siteId: string | null }) {
  const { t } = useTranslation('floor');
  const { data, error, refetch } = useQuery(ReleaseAdoptionDocument, {
    // Live: FloorPage's `floorChanged` subscription reads it again when the floor moves.
    variables: { version, siteId },
  });
  const adoption = data?.releaseAdoption;
  return (
    <section className="card stack" aria-labelledby="floor-adoption-heading">
      <h2 id="floor-adoption-heading">{t('adoption.heading', { version })}</h2>
      <p className="hint">{t('adoption.recorded')}</p>
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {!adoption && !error && <Loading />}
      {adoption && (
        <>
          <p className="muted" aria-live="polite">
            {t('adoption.live', { time: formatDateTime(adoption.computedAt) })}
          </p>
          <dl className="insights-figures">
            <div className="card insights-figure">
              <dt>{t('adoption.share')}</dt>
              <dd className="insights-figure-value" data-testid="adoption-share">
                {formatShare(adoption.share)}
              </dd>
              <dd className="hint" data-testid="adoption-running">
                {t('adoption.shareDetail', {
                  running: formatCount(adoption.running),
                  active: formatCount(adoption.activeOperators),
                  hours: adoption.activeWindowHours,
                })}
              </dd>
            </div>
            <div className="card insights-figure">
              <dt>{t('adoption.to50')}</dt>
              <dd className="insights-figure-value">{formatHours(adoption.hoursTo50)}</dd>
            </div>
            <div className="card insights-figure">
              <dt>{t('adoption.to95')}</dt>
              <dd className="insights-figure-value">{formatHours(adoption.hoursTo95)}</dd>
            </div>
            <div className="card insights-figure">
              <dt>{t('adoption.stale')}</dt>
              <dd className="insights-figure-value">{formatCount(adoption.staleDesktops)}</dd>
              <dd className="hint">{t('adoption.staleDetail', { hours: adoption.staleAfterHours })}</dd>
            </div>
          </dl>
          <h3 id="floor-teams-heading">{t('adoption.teams')}</h3>
          <p className="hint">{t('adoption.folded')}</p>
          <div className="table-wrap" role="region" aria-labelledby="floor-teams-heading" tabIndex={0}>
            <table className="floor-teams">
              <caption className="visually-hidden">{t('adoption.teamsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('adoption.team')}</th>
                  <th scope="col">{t('adoption.active')}</th>
                  <th scope="col">{t('adoption.running')}</th>
                  <th scope="col">{t('adoption.teamShare')}</th>
                  <th scope="col">{t('adoption.stale')}</th>
                </tr>
              </thead>
              <tbody>
                {adoption.teams.map((team) => (
                  <tr key={team.teamId ?? 'none'}>
                    <th scope="row">{team.teamName ?? t('adoption.noTeam')}</th>
                    <td>{formatCount(team.activeOperators)}</td>
                    <td>{formatCount(team.running)}</td>
                    <td>{formatShare(team.share)}</td>
                    <td>{formatCount(team.staleDesktops)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
