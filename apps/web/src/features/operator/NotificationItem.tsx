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
  readonly text: string;
  readonly createdAt: string;
  readonly readAt?: string | null;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly params: Record<string, unknown>;
}

/** One notification: read or not (said in words), where it leads, and "mark as read". */
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
      <p>{notification.text}</p>
      <div className="row">
        {target && (
          <Link to={target.to}>
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
