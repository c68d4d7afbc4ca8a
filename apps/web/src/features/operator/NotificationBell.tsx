import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { graphql } from '../../gql';
import { serialRefetch } from '../../apollo/serial-refetch';

const BellCountDocument = graphql(`
  query OperatorBellCount {
    notifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

const NotificationAddedDocument = graphql(`
  subscription OperatorNotificationAdded {
    notificationAdded {
      id
      kind
      text
      createdAt
      subjectType
      subjectId
    }
  }
`);

/**
 * Screens that show what a notification may have changed: refreshed when one arrives. The
 * manager's pépin page (TriagePepin) is among them: the reporter's answer reaches the managers
 * who asked as a notification, and their open page shows it at once.
 */
const refreshAfterNews = serialRefetch([
  'OperatorBellCount',
  'OperatorNotifications',
  'OperatorMyPepins',
  'OperatorPepinDetail',
  'TriagePepin',
]);
const LATEST_SHOWN_MS = 15_000;

/**
 * The top bar's link to /notifications with the unread count, kept live over graphql-ws:
 * news shows up (and is announced politely) without a reload.
 */
export function NotificationBell() {
  const { t } = useTranslation('operator');
  const { data } = useQuery(BellCountDocument, { fetchPolicy: 'cache-and-network' });
  const [latest, setLatest] = useState<{ id: string; text: string } | null>(null);

  useSubscription(NotificationAddedDocument, {
    onData: ({ client, data: result }) => {
      const notification = result.data?.notificationAdded;
      if (!notification) return;
      setLatest({ id: notification.id, text: notification.text });
      refreshAfterNews(client);
    },
  });

  // The line fades after a while; the count stays until the person reads the news.
  useEffect(() => {
    if (!latest) return;
    const timer = setTimeout(() => setLatest(null), LATEST_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [latest]);

  const count = data?.notifications.unreadCount ?? 0;
  return (
    <div className="operator-bell">
      <NavLink to="/notifications" aria-label={t('bell.label', { count })} className="operator-bell-link">
        <BellIcon />
        {/* The space matters: the visible "Notifications 2" must read as part of the accessible name. */}
        {t('bell.text')} {count > 0 && <span className="badge new-mark operator-bell-count">{count}</span>}
      </NavLink>
      <span role="status" className="operator-bell-latest" title={latest?.text}>
        {latest ? t('bell.latest', { text: latest.text }) : ''}
      </span>
    </div>
  );
}

/** Drawn, not an emoji: kiosk and headless browsers often have no emoji font. */
function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24" className="operator-bell-icon">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
