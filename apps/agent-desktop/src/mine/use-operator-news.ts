import { createClient } from 'graphql-ws';
import { useCallback, useEffect, useState } from 'react';
import {
  loadMyPepins,
  loadNotifications,
  NOTIFICATION_ADDED,
  websocketUrl,
  type MyPepin,
  type OperatorNotification,
} from './operator-api';

export interface OperatorNews {
  readonly pepins: readonly MyPepin[] | undefined;
  readonly notifications: readonly OperatorNotification[];
  readonly unread: number;
  /** The last notification received live, for the announcement. */
  readonly latest: OperatorNotification | undefined;
  readonly reload: () => void;
  readonly markedRead: (ids: readonly string[]) => void;
}

/**
 * The operator's pépins and notifications, kept live: each `notificationAdded` (graphql-ws)
 * is listed at once and reloads the pépins, whose status or thread it is about. Offline, the
 * calls fail quietly and the rulebook goes on working from its stored copy.
 */
export function useOperatorNews(graphqlUrl: string, token: string): OperatorNews {
  const [pepins, setPepins] = useState<readonly MyPepin[]>();
  const [notifications, setNotifications] = useState<readonly OperatorNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [latest, setLatest] = useState<OperatorNotification>();

  const reload = useCallback(() => {
    loadMyPepins(graphqlUrl, token).then(setPepins, () => undefined);
    loadNotifications(graphqlUrl, token).then(({ unread: count, items }) => {
      setNotifications(items);
      setUnread(count);
    }, () => undefined);
  }, [graphqlUrl, token]);

  useEffect(() => {
    reload();
    const client = createClient({
      url: websocketUrl(graphqlUrl),
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: Infinity,
      shouldRetry: () => true,
      // Back on line after a gap: what arrived meanwhile is read again.
      on: { connected: () => reload() },
    });
    const stop = client.subscribe<{ notificationAdded: OperatorNotification }>(
      { query: NOTIFICATION_ADDED },
      {
        next: ({ data }) => {
          const added = data?.notificationAdded;
          if (!added) return;
          setNotifications((current) => [added, ...current.filter((item) => item.id !== added.id)]);
          setUnread((count) => count + 1);
          setLatest(added);
          loadMyPepins(graphqlUrl, token).then(setPepins, () => undefined);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      stop();
      void client.dispose();
    };
  }, [graphqlUrl, token, reload]);

  const markedRead = useCallback((ids: readonly string[]) => {
    const now = new Date().toISOString();
    setNotifications((current) =>
      current.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt: now } : item)),
    );
    setUnread((count) => Math.max(0, count - ids.length));
  }, []);

  return { pepins, notifications, unread, latest, reload, markedRead };
}
