import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { AddTeamForm } from './AddTeamForm';
import type { AdminSite } from './queries';
import { SiteForm } from './SiteForm';
import { slaDays } from './sla';
import { TeamItem } from './TeamItem';

/** One site: its settings (editable) and its teams (add, rename). */
export function SiteCard({ site, onNotice }: { site: AdminSite; onNotice(message: string): void }) {
  const { t } = useTranslation('admin');
  const [editing, setEditing] = useState(false);
  const titleId = `admin-site-title-${site.id}`;

  return (
    <article className="card stack admin-site" aria-labelledby={titleId}>
      <div className="row admin-site-header">
        <h2 id={titleId}>{site.name}</h2>
        {!editing && (
          <button type="button" aria-label={t('sites.editLabel', { name: site.name })} onClick={() => setEditing(true)}>
            {t('sites.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <SiteForm
          site={site}
          onDone={(name) => {
            setEditing(false);
            onNotice(t('sites.saved', { name }));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="admin-settings">
          <div>
            <dt>{t('sites.timeZone')}</dt>
            <dd>{site.timeZone}</dd>
          </div>
          <div>
            <dt>{t('sites.sla')}</dt>
            <dd>
              {t('sites.slaValue', { count: site.ackSlaHours })}{' '}
              <span className="hint">({t('sites.days', { count: slaDays(site.ackSlaHours), formatted: formatNumber(slaDays(site.ackSlaHours)) })})</span>
            </dd>
          </div>
        </dl>
      )}
      <h3>{t('teams.title', { site: site.name })}</h3>
      {site.teams.length === 0 ? (
        <p className="muted">{t('teams.empty')}</p>
      ) : (
        <ul className="admin-teams">
          {site.teams.map((team) => (
            <TeamItem key={team.id} team={team} onRenamed={(name) => onNotice(t('teams.renamed', { name }))} />
          ))}
        </ul>
      )}
      <AddTeamForm site={site} onAdded={(name) => onNotice(t('teams.added', { name }))} />
    </article>
  );
}
