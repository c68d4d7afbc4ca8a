import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphqlRequestError } from './graphql';
import { LanguageSwitch } from './LanguageSwitch';
import { login, type Session } from './session';
import { authUrl } from './session-renewal';

interface SignInOptions {
  readonly passwordLogin: boolean;
  readonly oidc: { readonly name: string } | null;
}

/** What the API offers (GET /auth/options); the password form alone while unknown or offline. */
function useSignInOptions(graphqlUrl: string): SignInOptions {
  const [options, setOptions] = useState<SignInOptions>({ passwordLogin: true, oidc: null });
  useEffect(() => {
    let current = true;
    fetch(new URL('/auth/options', new URL(graphqlUrl, location.href)))
      .then((response) => (response.ok ? (response.json() as Promise<SignInOptions>) : null))
      .then((answer) => current && answer && setOptions(answer))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [graphqlUrl]);
  return options;
}

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
  const options = useSignInOptions(graphqlUrl);
  // Back to this desktop after the provider's pages; the API accepts only paths of its own origin.
  const providerHref = `${authUrl(graphqlUrl, 'refresh').replace(/refresh$/, 'oidc/login')}?returnTo=${encodeURIComponent(import.meta.env.BASE_URL)}`;

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

  const form = (
    <form className="stack" onSubmit={submit} noValidate>
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
          <button type="submit" className={options.oidc ? undefined : 'primary'} disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
    </form>
  );

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
        <div className="card stack">
          <h1>{t('signIn.title')}</h1>
          {expired && <p className="notice">{t('signIn.expired')}</p>}
          {options.oidc && (
            <a className="button primary sso-button" href={providerHref}>
              {t('signIn.withProvider', { name: options.oidc.name })}
            </a>
          )}
          {options.passwordLogin ? (
            <>
              {options.oidc && <p className="muted">{t('signIn.orPassword')}</p>}
              {form}
            </>
          ) : (
            <details className="break-glass">
              <summary>{t('signIn.breakGlass')}</summary>
              {form}
            </details>
          )}
        </div>
      </main>
    </>
  );
}
