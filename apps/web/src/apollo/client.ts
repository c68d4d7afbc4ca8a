import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import i18n from '../i18n/i18n';

/** Where the access token lives between reloads (a tab closes: the session ends). */
export const TOKEN_KEY = 'pepite.console.token';

export function readToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * One client for the console: HTTP for queries and mutations (token + language headers),
 * graphql-ws for subscriptions, and a sign-out when the API says the session is over.
 */
export function createApolloClient(onUnauthenticated: () => void): ApolloClient {
  const http = new HttpLink({ uri: '/graphql' });
  const headers = new SetContextLink((prev) => {
    const token = readToken();
    return {
      headers: {
        ...prev.headers,
        'accept-language': i18n.language,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    };
  });
  const signOutOnExpiry = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      if (readToken()) onUnauthenticated();
    }
  });
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const created: { client?: ApolloClient } = {};
  const ws = new GraphQLWsLink(
    createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: Infinity,
      // Subscriptions only deliver what happens once they are live: whatever changed between
      // a screen's query and the socket (re)connecting is fetched again, so nothing is missed.
      on: { connected: () => void created.client?.refetchQueries({ include: 'active' }) },
      connectionParams: () => {
        const token = readToken();
        return token ? { authorization: `Bearer ${token}`, language: i18n.language } : { language: i18n.language };
      },
    }),
  );
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    ws,
    ApolloLink.from([signOutOnExpiry, headers, http]),
  );
  created.client = new ApolloClient({
    link,
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return created.client;
}
