import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../gql/graphql';
import { errorMessage } from '../../ui/error-message';
import { LOCALES, ROLES, asLocale, needsTeam, type UserLocale } from './options';
import { AdminCreateUserDocument, AdminUsersDocument, type AdminSite } from './queries';
import { SiteTeamFields, type Place } from './SiteTeamFields';

export function CreateUserForm({ sites, onCreated, onCancel }: {
  sites: readonly AdminSite[];
  onCreated(displayName: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('OPERATOR');
  const [place, setPlace] = useState<Place>(() => ({ siteId: sites[0]?.id ?? '', teamId: sites[0]?.teams[0]?.id ?? '' }));
  const [locale, setLocale] = useState<UserLocale>('fr');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [createUser, { loading }] = useMutation(AdminCreateUserDocument, {
    refetchQueries: [AdminUsersDocument],
    awaitRefetchQueries: true,
  });

  function changeRole(next: Role) {
    setRole(next);
    // An operator or manager needs a team: offer the site's first one rather than an invalid blank.
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
        <label>
          {t('userForm.role')}
          <select value={role} onChange={(e) => changeRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
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
      {error !== null && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('userForm.saving') : t('userForm.submitCreate')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('userForm.cancel')}
        </button>
      </div>
    </form>
  );
}
