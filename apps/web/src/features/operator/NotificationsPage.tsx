import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { Page } from '../../ui/page';
import { EmptyState, ErrorBanner, Loading } from '../../ui/states';
import { NotificationItem } from './NotificationItem';

const NotificationsDocument = graphql(`
  query OperatorNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      unreadCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          kind
          title
          text
          link
          createdAt
          readAt
          subjectType
          subjectId
          params
        }
      }
    }
  }
`);

const MarkAllReadDocument = graphql(`
  mutation OperatorMarkAllNotificationsRead {
    markNotificationsRead(all: true)
  }
`);

const PAGE_SIZE = 20;

/** /notifications: everything that happened to the person's pépins and proposals. */
export function NotificationsPage() {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation();
  const { t: ts } = useTranslation('settings');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(NotificationsDocument, {
    variables: { first: PAGE_SIZE, unreadOnly },
  });
  const [markAll, markAllState] = useMutation(MarkAllReadDocument, {
    refetchQueries: ['OperatorNotifications', 'OperatorBellCount'],
    awaitRefetchQueries: true,
  });
  const connection = data?.notifications;
  const edges = connection?.edges ?? [];

  function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    void fetchMore({
      variables: { after: connection.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        notifications: {
          ...fetchMoreResult.notifications,
          edges: [...(previous.notifications?.edges ?? []), ...fetchMoreResult.notifications.edges],
        },
      }),
    });
  }

  const actions = (
    <>
      <Link to="/settings/notifications">{ts('link')}</Link>
      <button
        type="button"
        onClick={() => void markAll().catch(() => undefined)}
        disabled={markAllState.loading || !connection || connection.unreadCount === 0}
      >
        {t('notifications.markAll')}
      </button>
    </>
  );

  return (
    <Page title={t('notifications.title')} actions={actions}>
      <div className="row">
        <p role="status" className="muted">
          {connection ? t('notifications.unread', { count: connection.unreadCount }) : ''}
        </p>
        <label className="inline">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          {t('notifications.onlyUnread')}
        </label>
      </div>
      {markAllState.error && <ErrorBanner error={markAllState.error} />}
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}
      {connection && edges.length === 0 && (
        <EmptyState title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      )}
      {edges.length > 0 && (
        <ul className="operator-notifications" aria-label={t('notifications.list')}>
          {edges.map(({ node }) => (
            <NotificationItem key={node.id} notification={node} />
          ))}
        </ul>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button type="button" onClick={loadMore} disabled={loading}>
          {tc('loadMore')}
        </button>
      )}
    </Page>
  );
}
