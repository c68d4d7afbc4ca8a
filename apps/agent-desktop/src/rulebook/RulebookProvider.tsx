import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DesktopReporter, RulebookClient, WebStorage, type RulebookSnapshot } from '@pepite/rulebook-client';
import type { DesktopConfig } from '../app/config';
import { readSession } from '../app/session';
import { diffSnapshots } from './diff';
import { INITIAL_STATE, RulebookContext, type RulebookState } from './rulebook-context';

/** Where the last good copy lives; re-verified by the client at every start. */
const STORAGE_KEY = 'pepite.desktop.rulebook';

/**
 * Owns the one RulebookClient of the session: started on mount, stopped on unmount, its
 * events turned into React state. A release or an advisory updates the screens in place.
 */
export function RulebookProvider({ config, children }: { config: DesktopConfig; children: ReactNode }) {
  const [state, setState] = useState<RulebookState>(INITIAL_STATE);
  const [client, setClient] = useState<RulebookClient>();
  const [reporter, setReporter] = useState<DesktopReporter>();
  // The copy the operator had before the updates not yet dismissed: "what changed" covers them all.
  const updateBase = useRef<RulebookSnapshot | undefined>(undefined);

  useEffect(() => {
    const feedUrl = new URL(config.feedUrl, location.href).toString();
    const rulebook = new RulebookClient({
      baseUrl: feedUrl,
      publicKey: config.publicKeyPem,
      publicKeys: config.previousPublicKeyPems,
      // Read at every request: signing in again takes effect without a restart.
      getToken: () => readSession()?.token,
      storage: new WebStorage(window.localStorage, STORAGE_KEY),
    });
    // The return path (issue 19): the release this desktop runs, and searches that found nothing.
    const returnPath = new DesktopReporter({
      graphqlUrl: new URL(config.graphqlUrl, location.href).toString(),
      getToken: () => readSession()?.token,
      storage: window.localStorage,
    });
    const patch = (change: Partial<RulebookState> | ((current: RulebookState) => Partial<RulebookState>)) =>
      setState((current) => ({ ...current, ...(typeof change === 'function' ? change(current) : change) }));
    let previous: RulebookSnapshot | undefined;

    const unsubscribe = [
      returnPath.follow(rulebook),
      rulebook.on('release', ({ snapshot, source }) => {
        const before = previous;
        previous = snapshot;
        const live = before !== undefined && source !== 'storage';
        if (live) updateBase.current ??= before;
        const base = updateBase.current;
        patch({
          snapshot,
          advisories: rulebook.advisories,
          refused: undefined,
          ...(source === 'storage' ? {} : { offline: false }),
          ...(live && base ? { lastUpdate: diffSnapshots(base, snapshot) } : {}),
        });
      }),
      rulebook.on('advisory', (advisory) => {
        // Restored advisories arrive before the first network answer: no announcement for them.
        patch((current) => ({
          advisories: rulebook.advisories,
          lastAdvisory: current.started ? advisory : current.lastAdvisory,
        }));
      }),
      rulebook.on('connection', (connection) => {
        // An open stream proves the server answers and accepts the token.
        patch(connection.state === 'open' ? { connection, offline: false, sessionExpired: false } : { connection });
      }),
      rulebook.on('error', (error) => {
        if (error.code === 'TAMPERED' || error.code === 'ROLLBACK' || error.code === 'UNSIGNED')
          patch({ refused: error });
        else if (error.code === 'OFFLINE' || error.code === 'NETWORK') patch({ offline: true });
        else if (
          error.code === 'HTTP' &&
          (error.details.status === 401 || error.details.serverCode === 'UNAUTHENTICATED')
        ) {
          patch({ sessionExpired: true });
        }
      }),
    ];
    const goOffline = () => patch({ offline: true });
    const goOnline = () => {
      patch({ offline: false });
      void rulebook.sync();
      void returnPath.flush();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    if (!navigator.onLine) patch({ offline: true });

    // Advisories expire by themselves: re-read the active ones now and then.
    const expiry = setInterval(() => {
      patch((current) => {
        const active = rulebook.advisories;
        return active.length === current.advisories.length ? {} : { advisories: active };
      });
    }, 60_000);

    setClient(rulebook);
    setReporter(returnPath);
    returnPath.start();
    void rulebook.start().then(() => patch({ started: true, advisories: rulebook.advisories }));
    return () => {
      unsubscribe.forEach((off) => off());
      clearInterval(expiry);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      returnPath.stop();
      void rulebook.stop();
    };
  }, [config]);

  const dismissUpdate = useCallback(() => {
    updateBase.current = undefined;
    setState((current) => ({ ...current, lastUpdate: undefined, lastAdvisory: undefined }));
  }, []);
  const value = useMemo(() => ({ state, client, reporter, dismissUpdate }), [state, client, reporter, dismissUpdate]);
  return <RulebookContext.Provider value={value}>{children}</RulebookContext.Provider>;
}
