import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { readToken, TOKEN_KEY } from '../apollo/client';

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
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** Who is signed in: the token in session storage, confirmed by `me` from the API. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [hasToken, setHasToken] = useState(() => readToken() !== null);
  const { data, loading } = useQuery(MeDocument, { skip: !hasToken, fetchPolicy: 'network-only' });

  const signIn = useCallback(
    async (token: string) => {
      sessionStorage.setItem(TOKEN_KEY, token);
      await client.resetStore();
      setHasToken(true);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setHasToken(false);
    await client.clearStore();
  }, [client]);

  const value = useMemo<Auth>(
    () => ({ user: hasToken ? (data?.me ?? null) : null, loading: hasToken && loading && !data, signIn, signOut }),
    [hasToken, data, loading, signIn, signOut],
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
