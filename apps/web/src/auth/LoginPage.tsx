import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { graphql } from '../gql';
import { errorMessage } from '../ui/error-message';
import { LanguageSelect } from '../ui/LanguageSelect';
import { useAuth } from './auth-context';
import { oidcLoginHref, useSignInOptions } from './sign-in-options';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      expiresAt
      user {
        id
        role
      }
    }
  }
`);

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { user, signIn } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginDocument);
  const options = useSignInOptions();

  useEffect(() => {
    document.title = `${t('title')}`;
  }, [t]);

  if (user) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login({ variables: { email, password } }).catch(() => null);
    if (result?.data) await signIn(result.data.login.accessToken, String(result.data.login.expiresAt));
  }

  const returnTo = (location.state as { from?: string } | null)?.from ?? '/';
  const form = (
      <form onSubmit={submit} className="card stack" aria-describedby={error ? 'login-error' : undefined}>
        <label>
          {t('email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p id="login-error" role="alert" className="error">
            {errorMessage(error)}
          </p>
        )}
        <button type="submit" className={options?.oidc ? undefined : 'primary'} disabled={loading}>
          {loading ? t('signingIn') : t('submit')}
        </button>
      </form>
  );

  return (
    <main id="main" className="login">
      <div className="row login-top">
        <LanguageSelect />
      </div>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {options === null ? (
        <p className="muted" aria-busy="true">
          {t('loadingOptions')}
        </p>
      ) : (
        <>
          {options.oidc && (
            <p className="stack">
              <a className="button-link primary sso-button" href={oidcLoginHref(returnTo)}>
                {t('withProvider', { name: options.oidc.name })}
              </a>
            </p>
          )}
          {options.passwordLogin ? (
            <>
              {options.oidc && <p className="muted">{t('orPassword')}</p>}
              {form}
            </>
          ) : (
            <details className="break-glass">
              <summary>{t('breakGlass')}</summary>
              {form}
            </details>
          )}
        </>
      )}
    </main>
  );
}

export const authMessages = {
  fr: {
    title: 'Connexion à Pépite',
    intro: 'Les pépins d’aujourd’hui sont les pépites de demain.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    signingIn: 'Connexion…',
    forbidden: 'Cet écran est réservé à un autre rôle.',
    withProvider: 'Se connecter avec {{name}}',
    orPassword: 'Ou avec votre adresse e-mail et un mot de passe :',
    breakGlass: 'Connexion de secours (administrateurs désignés)',
    loadingOptions: 'Chargement des moyens de connexion…',
  },
  en: {
    title: 'Sign in to Pépite',
    intro: 'Today’s pépins are tomorrow’s pépites.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    forbidden: 'This screen is for another role.',
    withProvider: 'Sign in with {{name}}',
    orPassword: 'Or with your email address and a password:',
    breakGlass: 'Break-glass sign-in (designated administrators)',
    loadingOptions: 'Loading the ways to sign in…',
  },
};
