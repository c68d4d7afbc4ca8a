import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { graphql } from '../gql';
import { errorMessage } from '../ui/error-message';
import { LanguageSelect } from '../ui/LanguageSelect';
import { useAuth } from './auth-context';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
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
    if (result?.data) await signIn(result.data.login.accessToken);
  }

  return (
    <main id="main" className="login">
      <div className="row login-top">
        <LanguageSelect />
      </div>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
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
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('signingIn') : t('submit')}
        </button>
      </form>
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
  },
  en: {
    title: 'Sign in to Pépite',
    intro: 'Today’s pépins are tomorrow’s pépites.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    forbidden: 'This screen is for another role.',
  },
};
