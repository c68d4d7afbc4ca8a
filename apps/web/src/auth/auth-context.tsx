import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { endSession, onSessionEnded, readToken, renewSession, scheduleRenewal, storeToken } from './session-renewal';

export type CurrentUser = MeQuery['me'];

const MeDocument = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      siteId
      teamId
      locale
    }
  }
`);

interface Auth {
  user: CurrentUser | null;
  loading: boolean;
  signIn(token: string, expiresAt: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Who is signed in: the token in session storage, confirmed by `me` from the API. A tab
 * opened without one (a new tab, the return from the identity provider) first asks the
 * refresh cookie for one, so nobody types a password the session already vouches for.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [hasToken, setHasToken] = useState(() => readToken() !== null);
  const [resuming, setResuming] = useState(() => readToken() === null);
  const { data, loading } = useQuery(MeDocument, { skip: !hasToken, fetchPolicy: 'network-only' });

  useEffect(() => {
    if (!resuming) return;
    let current = true;
    void renewSession().then((renewal) => {
      if (!current) return;
      setHasToken(renewal.status === 'renewed');
      setResuming(false);
    });
    return () => {
      current = false;
    };
  }, [resuming]);
  useEffect(() => onSessionEnded(() => setHasToken(false)), []);
  // A reload keeps the token in session storage but not the timer that renews it.
  useEffect(() => {
    if (readToken()) scheduleRenewal();
  }, []);

  const signIn = useCallback(
    async (token: string, expiresAt: string) => {
      storeToken(token, expiresAt);
      await client.resetStore();
      setHasToken(true);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    await endSession();
    setHasToken(false);
    await client.clearStore();
  }, [client]);

  const value = useMemo<Auth>(
    () => ({
      user: hasToken ? (data?.me ?? null) : null,
      loading: resuming || (hasToken && loading && !data),
      signIn,
      signOut,
    }),
    [hasToken, resuming, data, loading, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user; only inside routes that require one (see RequireRole). */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}
