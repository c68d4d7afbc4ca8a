import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphqlRequestError } from './graphql';
import { LanguageSwitch } from './LanguageSwitch';
import { login, type Session } from './session';

interface Props {
  readonly graphqlUrl: string;
  readonly expired: boolean;
  readonly onSignedIn: (session: Session) => void;
}

export function SignIn({ graphqlUrl, expired, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await login(graphqlUrl, email.trim(), password));
    } catch (failure) {
      setBusy(false);
      setError(
        failure instanceof GraphqlRequestError && failure.code === 'NETWORK' ? t('signIn.offline') : t('signIn.failed'),
      );
    }
  }

  return (
    <>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" /> {t('app.brand')}
          <span className="brand-sub">{t('app.subtitle')}</span>
        </span>
        <div className="topbar-tools">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="sign-in">
        <form className="card stack" onSubmit={submit} noValidate>
          <h1>{t('signIn.title')}</h1>
          {expired && <p className="notice">{t('signIn.expired')}</p>}
          <label>
            {t('signIn.email')}
            <input
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </label>
          <label>
            {t('signIn.password')}
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </>
  );
}
