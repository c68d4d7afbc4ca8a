import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../auth/auth-context';
import type { Role } from '../gql/graphql';
import { NotificationBell } from '../features/operator/NotificationBell';
import { LanguageSelect } from '../ui/LanguageSelect';

/** Navigation per role: each person sees the screens of their job, in the order they use them. */
const NAV: { to: string; key: string; roles: readonly Role[] }[] = [
  { to: '/pepins/new', key: 'file', roles: ['OPERATOR'] },
  { to: '/my-pepins', key: 'myPepins', roles: ['OPERATOR'] },
  { to: '/triage', key: 'triage', roles: ['MANAGER', 'ADMIN'] },
  { to: '/proposals', key: 'proposals', roles: ['OPERATOR', 'MANAGER', 'ADMIN'] },
  { to: '/publish', key: 'publish', roles: ['MANAGER', 'ADMIN'] },
  { to: '/releases', key: 'releases', roles: ['MANAGER', 'ADMIN'] },
  { to: '/floor', key: 'floor', roles: ['MANAGER', 'ADMIN'] },
  { to: '/insights', key: 'insights', roles: ['MANAGER', 'ADMIN'] },
  { to: '/admin/users', key: 'users', roles: ['ADMIN'] },
  { to: '/admin/sites', key: 'sites', roles: ['ADMIN'] },
  { to: '/admin/sso', key: 'sso', roles: ['ADMIN'] },
  { to: '/admin/webhooks', key: 'webhooks', roles: ['ADMIN'] },
];

export function Layout() {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <span aria-hidden="true" className="brand-mark" /> {t('appName')}
        </NavLink>
        {user && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {NAV.filter((item) => item.roles.includes(user.role)).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{t(`nav.${item.key}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="topbar-tools">
          {user && <NotificationBell />}
          <LanguageSelect />
          {user && (
            <>
              <span className="who">{t('signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</span>
              <button type="button" onClick={() => void signOut()}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
