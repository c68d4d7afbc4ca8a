import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RulebookProvider } from '../rulebook/RulebookProvider';
import { loadConfig, type DesktopConfig } from './config';
import { Desktop } from './Desktop';
import { readSession, saveSession, type Session } from './session';
import { SignIn } from './SignIn';

type ConfigState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; config: DesktopConfig };

/** Configuration first, then the sign-in or the desktop of the signed-in operator. */
export function App() {
  const { t } = useTranslation();
  const [configState, setConfigState] = useState<ConfigState>({ status: 'loading' });
  const [session, setSession] = useState<Session | undefined>(readSession);
  const [expired, setExpired] = useState(false);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    loadConfig().then(
      (config) => setConfigState({ status: 'ready', config }),
      () => setConfigState({ status: 'failed' }),
    );
  }, [attempt]);
  const load = () => {
    setConfigState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setExpired(false);
    setSession(next);
  }, []);
  const signOut = useCallback((becauseExpired: boolean) => {
    saveSession(undefined);
    setExpired(becauseExpired);
    setSession(undefined);
  }, []);

  if (configState.status === 'loading') {
    return (
      <main id="main" className="center" aria-busy="true">
        <p>{t('app.loadingConfig')}</p>
      </main>
    );
  }
  if (configState.status === 'failed') {
    return (
      <main id="main" className="center">
        <h1>{t('app.brand')}</h1>
        <p role="alert" className="error">
          {t('app.configFailed')}
        </p>
        <button type="button" onClick={load}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!session) return <SignIn graphqlUrl={configState.config.graphqlUrl} expired={expired} onSignedIn={signIn} />;
  return (
    <RulebookProvider config={configState.config}>
      <Desktop config={configState.config} session={session} onSignOut={signOut} />
    </RulebookProvider>
  );
}
