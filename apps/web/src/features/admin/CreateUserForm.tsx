import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import type { UserLocale } from './options';
import { AdminCreateUserDocument, AdminUsersDocument, type AdminSite } from './queries';
import { SiteTeamFields } from './SiteTeamFields';
import { LocaleField, RoleField, useRoleAndPlace } from './UserFields';

export function CreateUserForm({ sites, onCreated, onCancel }: {
  sites: readonly AdminSite[];
  onCreated(displayName: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('admin');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const { role, changeRole, place, setPlace } = useRoleAndPlace(sites, 'OPERATOR', () => ({
    siteId: sites[0]?.id ?? '',
    teamId: sites[0]?.teams[0]?.id ?? '',
  }));
  const [locale, setLocale] = useState<UserLocale>('fr');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [createUser, { loading }] = useMutation(AdminCreateUserDocument, {
    refetchQueries: [AdminUsersDocument],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setError(null);
    try {
      const result = await createUser({
        variables: {
          input: {
            email: email.trim(),
            displayName: displayName.trim(),
            role,
            siteId: place.siteId,
            teamId: place.teamId || null,
            locale,
            password,
          },
        },
      });
      if (result.data) onCreated(result.data.createUser.displayName);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="admin-create-user-title">
      <h2 id="admin-create-user-title">{t('userForm.createTitle')}</h2>
      <div className="grid-2">
        <label>
          {t('userForm.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={320} autoComplete="off" />
        </label>
        <label>
          {t('userForm.displayName')}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required minLength={2} maxLength={120} />
        </label>
      </div>
      <div className="grid-2">
        <RoleField value={role} onChange={changeRole} />
        <LocaleField value={locale} onChange={setLocale} />
      </div>
      <SiteTeamFields sites={sites} role={role} value={place} onChange={setPlace} idPrefix="admin-create-user" />
      <label>
        {t('userForm.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={12}
          maxLength={256}
          autoComplete="new-password"
          aria-describedby="admin-create-user-password-hint"
        />
        <span id="admin-create-user-password-hint" className="hint">
          {t('userForm.passwordHint')}
        </span>
      </label>
      <FormActions
        error={error}
        busy={loading}
        submitLabel={t('userForm.submitCreate')}
        busyLabel={t('userForm.saving')}
        cancelLabel={t('userForm.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
