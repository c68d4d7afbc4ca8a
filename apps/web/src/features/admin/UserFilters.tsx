import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { NamedOptions, RoleOptions } from './OptionLists';
import type { AdminSite } from './queries';
import type { UserFilter } from './user-filter';

export function UserFilters({ sites, value, onChange }: { sites: readonly AdminSite[]; value: UserFilter; onChange(filter: UserFilter): void }) {
  const { t } = useTranslation('admin');
  return (
    <fieldset className="card admin-filters">
      <legend>{t('filters.legend')}</legend>
      <label>
        {t('filters.search')}
        <input type="search" value={value.search} onChange={(e) => onChange({ ...value, search: e.target.value })} />
      </label>
      <label>
        {t('filters.role')}
        <select value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role | '' })}>
          <option value="">{t('filters.all')}</option>
          <RoleOptions />
        </select>
      </label>
      <label>
        {t('filters.site')}
        <select value={value.siteId} onChange={(e) => onChange({ ...value, siteId: e.target.value })}>
          <option value="">{t('filters.all')}</option>
          <NamedOptions items={sites} />
        </select>
      </label>
      <label>
        {t('filters.state')}
        <select value={value.state} onChange={(e) => onChange({ ...value, state: e.target.value as UserFilter['state'] })}>
          <option value="">{t('filters.all')}</option>
          <option value="active">{t('filters.activeOnly')}</option>
          <option value="inactive">{t('filters.inactiveOnly')}</option>
        </select>
      </label>
    </fieldset>
  );
}
