import { graphqlRequest } from '../app/graphql';

/** The operator's side of the public GraphQL API: their pépins, the managers' questions, their news. */

export type PepinStatusValue = 'NEW' | 'ACKNOWLEDGED' | 'IN_DESIGN' | 'IN_VOTE' | 'PUBLISHED' | 'DECLINED' | 'DUPLICATE';

export interface ThreadMessage {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly authorKind: 'MANAGER' | 'REPORTER';
  readonly body: string;
}

export interface MyPepin {
  readonly relation: 'REPORTER' | 'SUPPORTER';
  readonly pepin: {
    readonly id: string;
    readonly reference: string;
    readonly title: string;
    readonly description: string;
    readonly status: PepinStatusValue;
    readonly ruleKey: string | null;
    readonly createdAt: string;
    /** Null for a supporter: the thread is the reporter's. */
    readonly conversation: readonly ThreadMessage[] | null;
  };
}

export interface OperatorNotification {
  readonly id: string;
  readonly kind: string;
  /** Rendered by the API in the reader's language. */
  readonly text: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly subjectId: string | null;
  readonly subjectType: string | null;
  readonly params: Readonly<Record<string, unknown>>;
}

const MESSAGE_FIELDS = 'id at author authorKind body';
const NOTIFICATION_FIELDS = 'id kind text createdAt readAt subjectId subjectType params';

const MY_PEPINS = `query DesktopMyPepins {
  myPepins(first: 100) {
    relation
    pepin { id reference title description status ruleKey createdAt conversation { ${MESSAGE_FIELDS} } }
  }
}`;

const NOTIFICATIONS = `query DesktopNotifications {
  notifications(first: 30) { unreadCount edges { node { ${NOTIFICATION_FIELDS} } } }
}`;

const REPLY = `mutation DesktopReply($pepinId: ID!, $body: String!, $idempotencyKey: String) {
  replyToManagers(pepinId: $pepinId, body: $body, idempotencyKey: $idempotencyKey) { ${MESSAGE_FIELDS} }
}`;

const MARK_READ = `mutation DesktopMarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;

export const NOTIFICATION_ADDED = `subscription DesktopNotificationAdded { notificationAdded { ${NOTIFICATION_FIELDS} } }`;

export async function loadMyPepins(url: string, token: string): Promise<readonly MyPepin[]> {
  return (await graphqlRequest<{ myPepins: MyPepin[] }>(url, MY_PEPINS, {}, token)).myPepins;
}

export async function loadNotifications(
  url: string,
  token: string,
): Promise<{ readonly unread: number; readonly items: readonly OperatorNotification[] }> {
  const data = await graphqlRequest<{
    notifications: { unreadCount: number; edges: { node: OperatorNotification }[] };
  }>(url, NOTIFICATIONS, {}, token);
  return { unread: data.notifications.unreadCount, items: data.notifications.edges.map((edge) => edge.node) };
}

export async function replyToManagers(
  url: string,
  token: string,
  input: { readonly pepinId: string; readonly body: string; readonly idempotencyKey: string },
): Promise<ThreadMessage> {
  return (await graphqlRequest<{ replyToManagers: ThreadMessage }>(url, REPLY, input, token)).replyToManagers;
}

export async function markRead(url: string, token: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await graphqlRequest(url, MARK_READ, { ids }, token);
}

/** A manager's question waits for the reporter while the thread's last line is a manager's. */
export function awaitsAnswer(item: MyPepin): boolean {
  const thread = item.pepin.conversation;
  return item.relation === 'REPORTER' && !!thread && thread.at(-1)?.authorKind === 'MANAGER';
}

/** ws(s)://host/graphql from the configured http(s) URL, for graphql-ws. */
export function websocketUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
