import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { LOCALES, asLocale, needsTeam, type UserLocale } from './options';
import { RoleOptions } from './OptionLists';
import type { AdminSite } from './queries';
import type { Place } from './SiteTeamFields';

/** Role and place together: a role that needs a team gets the site's first one rather than an invalid blank. */
export function useRoleAndPlace(sites: readonly AdminSite[], initialRole: Role, initialPlace: () => Place) {
  const [role, setRole] = useState<Role>(initialRole);
  const [place, setPlace] = useState<Place>(initialPlace);

  function changeRole(next: Role) {
    setRole(next);
    if (needsTeam(next) && !place.teamId) {
      const first = sites.find((s) => s.id === place.siteId)?.teams[0];
      if (first) setPlace({ ...place, teamId: first.id });
    }
  }

  return { role, changeRole, place, setPlace };
}

export function RoleField({ value, onChange, disabled, describedBy, children }: {
  value: Role;
  onChange(role: Role): void;
  disabled?: boolean;
  describedBy?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <label>
      {t('userForm.role')}
      <select value={value} onChange={(e) => onChange(e.target.value as Role)} disabled={disabled} aria-describedby={describedBy}>
        <RoleOptions />
      </select>
      {children}
    </label>
  );
}

export function LocaleField({ value, onChange }: { value: UserLocale; onChange(locale: UserLocale): void }) {
  const { t } = useTranslation('admin');
  return (
    <label>
      {t('userForm.locale')}
      <select value={value} onChange={(e) => onChange(asLocale(e.target.value))}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`locales.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
