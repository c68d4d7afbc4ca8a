import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/auth-context';
import { graphql } from '../../gql';
import { errorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { notificationTarget } from './notification-link';

const MarkReadDocument = graphql(`
  mutation OperatorMarkNotificationRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

interface Item {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly link?: string | null;
  readonly createdAt: string;
  readonly readAt?: string | null;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly params: Record<string, unknown>;
}

/**
 * One notification: read or not (said in words), its headline and sentence in the reader's
 * language (worded by the API), where it leads, and "mark as read". Opening it marks it read.
 */
export function NotificationItem({ notification }: { notification: Item }) {
  const { t } = useTranslation('operator');
  const user = useCurrentUser();
  const [markRead, { loading, error }] = useMutation(MarkReadDocument, {
    variables: { ids: [notification.id] },
    refetchQueries: ['OperatorNotifications', 'OperatorBellCount'],
    awaitRefetchQueries: true,
  });
  const unread = !notification.readAt;
  const target = notificationTarget(notification, user.role);
  const to = notification.link ?? target?.to;
  // Following the link is reading it: the mutation outlives this component's unmounting.
  const opened = () => {
    if (unread) void markRead().catch(() => undefined);
  };
  const reference = typeof notification.params['reference'] === 'string' ? notification.params['reference'] : '';

  return (
    <li className={`card operator-notification ${unread ? 'operator-unread' : ''}`}>
      <div className="row">
        <span className={`badge ${unread ? 'new-mark' : ''}`}>
          {unread ? t('notifications.unreadMark') : t('notifications.readMark')}
        </span>
        <time dateTime={notification.createdAt} className="hint">
          {formatDateTime(notification.createdAt)}
        </time>
      </div>
      <p className="operator-notification-title">
        <strong>{notification.title}</strong>
      </p>
      <p>{notification.text}</p>
      <div className="row">
        {target && to && (
          <Link to={to} onClick={opened}>
            {t('notifications.openLabel', { action: t(`notifications.open.${target.kind}`), reference }).trim()}
          </Link>
        )}
        {unread && (
          <button
            type="button"
            onClick={() => void markRead().catch(() => undefined)}
            disabled={loading}
            aria-label={t('notifications.markReadLabel', { text: notification.text })}
          >
            {t('notifications.markRead')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
    </li>
  );
}
