import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { EMPTY, from, switchMap, throwError } from 'rxjs';
import { readToken, renewSession, tokenEndingSoon } from '../auth/session-renewal';
import i18n from '../i18n/i18n';

/**
 * One client for the console: HTTP for queries and mutations (token + language headers),
 * graphql-ws for subscriptions. A token about to end is renewed before a request leaves; an
 * UNAUTHENTICATED answer renews it and sends the operation once more; only when the
 * refresh cookie is refused too does the console go back to the sign-in screen.
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
  const renewBeforeSending = new ApolloLink((operation, forward) =>
    readToken() && tokenEndingSoon() ? from(renewSession()).pipe(switchMap(() => forward(operation))) : forward(operation),
  );
  const renewOnExpiry = new ErrorLink(({ error, operation, forward }) => {
    if (!CombinedGraphQLErrors.is(error) || !error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
    if (!readToken() || operation.getContext()['renewed']) return;
    return from(renewSession()).pipe(
      switchMap((renewal) => {
        if (renewal.status === 'renewed') {
          operation.setContext({ renewed: true });
          return forward(operation);
        }
        if (renewal.status === 'ended') {
          onUnauthenticated();
          return EMPTY;
        }
        return throwError(() => error);
      }),
    );
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
    ApolloLink.from([renewOnExpiry, renewBeforeSending, headers, http]),
  );
  created.client = new ApolloClient({
    link,
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return created.client;
}
