import type { PepinFilter, PepinOrder, PepinStatus } from '../../gql/graphql';

/** What the queue shows, as kept in the URL query string (a link reproduces the view). */
export interface QueueParams {
  readonly status: PepinStatus | null;
  readonly ruleKey: string;
  readonly category: string;
  readonly overdue: boolean;
  readonly order: PepinOrder;
}

export const PEPIN_STATUSES: readonly PepinStatus[] = [
  'NEW',
  'ACKNOWLEDGED',
  'IN_DESIGN',
  'IN_VOTE',
  'PUBLISHED',
  'DECLINED',
  'DUPLICATE',
];

export const PEPIN_ORDERS: readonly PepinOrder[] = ['ACK_DUE_SOONEST', 'MOST_SUPPORTED', 'NEWEST', 'OLDEST'];

const DEFAULT_ORDER: PepinOrder = 'ACK_DUE_SOONEST';

export function readQueueParams(search: URLSearchParams): QueueParams {
  const status = search.get('status');
  const order = search.get('sort');
  return {
    status: PEPIN_STATUSES.find((s) => s === status) ?? null,
    ruleKey: search.get('rule')?.trim() ?? '',
    category: search.get('category')?.trim() ?? '',
    overdue: search.get('overdue') === '1',
    order: PEPIN_ORDERS.find((o) => o === order) ?? DEFAULT_ORDER,
  };
}

/** Only what differs from the default view, so links stay short. */
export function writeQueueParams(params: QueueParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.status) search.set('status', params.status);
  if (params.ruleKey) search.set('rule', params.ruleKey);
  if (params.category) search.set('category', params.category);
  if (params.overdue) search.set('overdue', '1');
  if (params.order !== DEFAULT_ORDER) search.set('sort', params.order);
  return search;
}

export function queueFilter(params: QueueParams): PepinFilter {
  return {
    ...(params.status ? { statuses: [params.status] } : {}),
    ...(params.ruleKey ? { ruleKey: params.ruleKey.toUpperCase() } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(params.overdue ? { overdue: true } : {}),
  };
}
