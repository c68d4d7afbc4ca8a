import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { needsTeam } from './options';
import { NamedOptions } from './OptionLists';
import type { AdminSite } from './queries';

export interface Place {
  readonly siteId: string;
  readonly teamId: string;
}

/** The site, then one of its teams: changing site picks that site's first team (teams never cross sites). */
export function SiteTeamFields({ sites, role, value, onChange, idPrefix }: {
  sites: readonly AdminSite[];
  role: Role;
  value: Place;
  onChange(place: Place): void;
  idPrefix: string;
}) {
  const { t } = useTranslation('admin');
  const teams = sites.find((s) => s.id === value.siteId)?.teams ?? [];
  const teamRequired = needsTeam(role);

  function changeSite(siteId: string) {
    const first = sites.find((s) => s.id === siteId)?.teams[0];
    onChange({ siteId, teamId: teamRequired && first ? first.id : '' });
  }

  return (
    <div className="grid-2">
      <label>
        {t('userForm.site')}
        <select value={value.siteId} onChange={(e) => changeSite(e.target.value)} required>
          <NamedOptions items={sites} />
        </select>
      </label>
      <label>
        {t('userForm.team')}
        <select
          value={value.teamId}
          onChange={(e) => onChange({ siteId: value.siteId, teamId: e.target.value })}
          required={teamRequired}
          aria-describedby={`${idPrefix}-team-hint`}
        >
          {(!teamRequired || teams.length === 0) && <option value="">{t('userForm.noTeam')}</option>}
          <NamedOptions items={teams} />
        </select>
        <span id={`${idPrefix}-team-hint`} className="hint">
          {teams.length === 0 ? t('userForm.noTeamOnSite') : t('userForm.teamHint')}
        </span>
      </label>
    </div>
  );
}
