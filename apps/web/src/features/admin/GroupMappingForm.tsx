import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { FormActions } from './FormActions';
import { AdminGroupMappingsDocument, AdminSetGroupMappingDocument } from './group-mapping-queries';
import { needsTeam } from './options';
import { RoleOptions } from './OptionLists';
import type { AdminSite } from './queries';
import { SiteTeamFields, type Place } from './SiteTeamFields';

/** Gives a provider group a role, site and team; the same group again replaces what it gives. */
export function GroupMappingForm({ sites, onDone, onCancel }: {
  sites: readonly AdminSite[];
  onDone(group: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('admin');
  const first = sites[0];
  const [group, setGroup] = useState('');
  const [role, setRole] = useState<Role>('OPERATOR');
  const [place, setPlace] = useState<Place>({ siteId: first?.id ?? '', teamId: first?.teams[0]?.id ?? '' });
  const [save, { loading, error }] = useMutation(AdminSetGroupMappingDocument, {
    refetchQueries: [AdminGroupMappingsDocument],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const teamId = needsTeam(role) ? place.teamId : place.teamId || null;
    const result = await save({ variables: { input: { group: group.trim(), role, siteId: place.siteId, teamId } } }).catch(() => null);
    if (result?.data) onDone(result.data.setIdentityGroupMapping.group);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="mapping-form-title">
      <h2 id="mapping-form-title">{t('sso.formTitle')}</h2>
      <div className="stack-tight">
        <label>
          {t('sso.group')}
          <input
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            required
            maxLength={256}
            aria-describedby="mapping-group-hint"
            autoFocus
          />
        </label>
        <span id="mapping-group-hint" className="hint">
          {t('sso.groupHint')}
        </span>
      </div>
      <label>
        {t('sso.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <RoleOptions />
        </select>
      </label>
      <SiteTeamFields sites={sites} role={role} value={place} onChange={setPlace} idPrefix="mapping" />
      <FormActions
        error={error}
        busy={loading}
        submitLabel={t('sso.save')}
        busyLabel={t('sso.saving')}
        cancelLabel={t('sso.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
