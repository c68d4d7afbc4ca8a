import type { ApolloClient } from '@apollo/client';

/**
 * Refetches the named queries after a burst of events, so the last event is always seen.
 * A plain refetch per event is not enough: Apollo joins a request to an identical one in
 * flight, which may have left before the last change was committed.
 */
export function serialRefetch(include: string[]): (client: ApolloClient) => void {
  let running = false;
  let again = false;
  return (client) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        do {
          again = false;
          await client.refetchQueries({ include }).catch(() => undefined);
        } while (again);
      } finally {
        running = false;
      }
    })();
  };
}
