import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { errorMessage } from '../../ui/error-message';
import { LOCALES, ROLES, asLocale, needsTeam, type UserLocale } from './options';
import { AdminUpdateUserDocument, type AdminSite, type AdminUser } from './queries';
import { SiteTeamFields, type Place } from './SiteTeamFields';

/** Name, role, site, team and language of one account. The API refuses self-demotion; the form says so up front. */
export function EditUserForm({ user, sites, isSelf, onSaved, onCancel }: {
  user: AdminUser;
  sites: readonly AdminSite[];
  isSelf: boolean;
  onSaved(displayName: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const idPrefix = `admin-edit-${user.id}`;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [place, setPlace] = useState<Place>({ siteId: user.siteId, teamId: user.teamId ?? '' });
  const [locale, setLocale] = useState<UserLocale>(asLocale(user.locale));
  const [error, setError] = useState<unknown>(null);
  const [updateUser, { loading }] = useMutation(AdminUpdateUserDocument);

  function changeRole(next: Role) {
    setRole(next);
    if (needsTeam(next) && !place.teamId) {
      const first = sites.find((s) => s.id === place.siteId)?.teams[0];
      if (first) setPlace({ ...place, teamId: first.id });
    }
  }

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
        <label>
          {t('userForm.role')}
          <select
            value={role}
            onChange={(e) => changeRole(e.target.value as Role)}
            disabled={isSelf}
            aria-describedby={isSelf ? `${idPrefix}-self` : undefined}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
          {isSelf && (
            <span id={`${idPrefix}-self`} className="hint">
              {t('userForm.selfRole')}
            </span>
          )}
        </label>
      </div>
      <SiteTeamFields sites={sites} role={role} value={place} onChange={setPlace} idPrefix={idPrefix} />
      <label>
        {t('userForm.locale')}
        <select value={locale} onChange={(e) => setLocale(asLocale(e.target.value))}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`locales.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {error !== null && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('userForm.saving') : t('userForm.submitEdit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('userForm.cancel')}
        </button>
      </div>
    </form>
  );
}
