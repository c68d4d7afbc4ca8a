import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RulebookProvider } from '../rulebook/RulebookProvider';
import { loadConfig, type DesktopConfig } from './config';
import { Desktop } from './Desktop';
import { readSession, resumeSession, saveSession, type Session } from './session';
import { endServerSession, renewToken } from './session-renewal';
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
  const graphqlUrl = configState.status === 'ready' ? configState.config.graphqlUrl : undefined;
  const signOut = useCallback(
    (becauseExpired: boolean) => {
      saveSession(undefined);
      setExpired(becauseExpired);
      setSession(undefined);
      if (!becauseExpired && graphqlUrl) void endServerSession(graphqlUrl);
    },
    [graphqlUrl],
  );

  // No stored session (back from the identity provider, or signed out elsewhere): the refresh cookie may still vouch.
  const [resuming, setResuming] = useState(() => !readSession());
  useEffect(() => {
    if (!resuming || !graphqlUrl) return;
    let current = true;
    resumeSession(graphqlUrl).then(
      (resumed) => {
        if (!current) return;
        if (resumed) signIn(resumed);
        setResuming(false);
      },
      () => current && setResuming(false),
    );
    return () => {
      current = false;
    };
  }, [resuming, graphqlUrl, signIn]);

  // A minute before the token ends, the cookie renews it: a shift without typing a password again.
  useEffect(() => {
    if (!session || !graphqlUrl) return;
    const due = Date.parse(session.expiresAt) - Date.now() - 60_000;
    const timer = setTimeout(
      () => {
        void renewToken(graphqlUrl).then((renewal) => {
          if (renewal.status === 'renewed') setSession((current) => current && { ...current, token: renewal.accessToken, expiresAt: renewal.expiresAt });
          else if (renewal.status === 'ended') signOut(true);
          // Unreachable: keep working offline; the next request or start tries again.
        });
      },
      Math.max(0, Number.isNaN(due) ? 0 : due),
    );
    return () => clearTimeout(timer);
  }, [session, graphqlUrl, signOut]);

  if (configState.status === 'loading' || (configState.status === 'ready' && !session && resuming)) {
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
