import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { asLocale, type UserLocale } from './options';
import { AdminUpdateUserDocument, type AdminSite, type AdminUser } from './queries';
import { SiteTeamFields } from './SiteTeamFields';
import { LocaleField, RoleField, useRoleAndPlace } from './UserFields';

/** Name, role, site, team and language of one account. The API refuses self-demotion; the form says so up front. */
export function EditUserForm({ user, sites, isSelf, onSaved, onCancel }: {
  user: AdminUser;
  sites: readonly AdminSite[];
  isSelf: boolean;
  onSaved(displayName: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('admin');
  const idPrefix = `admin-edit-${user.id}`;
  const [displayName, setDisplayName] = useState(user.displayName);
  const { role, changeRole, place, setPlace } = useRoleAndPlace(sites, user.role, () => ({ siteId: user.siteId, teamId: user.teamId ?? '' }));
  const [locale, setLocale] = useState<UserLocale>(asLocale(user.locale));
  const [error, setError] = useState<unknown>(null);
  const [updateUser, { loading }] = useMutation(AdminUpdateUserDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setError(null);
    try {
      const result = await updateUser({
        variables: {
          id: user.id,
          input: { displayName: displayName.trim(), role, siteId: place.siteId, teamId: place.teamId || null, locale },
        },
      });
      if (result.data) onSaved(result.data.updateUser.displayName);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{t('userForm.editTitle', { name: user.displayName })}</h3>
      <div className="grid-2">
        <label>
          {t('userForm.displayName')}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required minLength={2} maxLength={120} autoFocus />
        </label>
        <RoleField value={role} onChange={changeRole} disabled={isSelf} describedBy={isSelf ? `${idPrefix}-self` : undefined}>
          {isSelf && (
            <span id={`${idPrefix}-self`} className="hint">
              {t('userForm.selfRole')}
            </span>
          )}
        </RoleField>
      </div>
      <SiteTeamFields sites={sites} role={role} value={place} onChange={setPlace} idPrefix={idPrefix} />
      <LocaleField value={locale} onChange={setLocale} />
      <FormActions
        error={error}
        busy={loading}
        submitLabel={t('userForm.submitEdit')}
        busyLabel={t('userForm.saving')}
        cancelLabel={t('userForm.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
