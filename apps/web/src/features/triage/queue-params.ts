import type { PepinFilter, PepinOrder, PepinStatus } from '../../gql/graphql';

/** What the queue shows, as kept in the URL query string (a link reproduces the view). */
export interface QueueParams {
  /** Null: every status ("Tous", `status=ALL` in the URL). */
  readonly status: PepinStatus | null;
  /** Words of the title or description, or a reference. */
  readonly search: string;
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
/**
 * A manager lands on what needs them first: the pépins awaiting acknowledgement, the
 * overdue ones on top (the default sort), not every pépin in filing order.
 */
const DEFAULT_STATUS: PepinStatus = 'NEW';
const ALL = 'ALL';

export function readQueueParams(search: URLSearchParams): QueueParams {
  const status = search.get('status');
  const order = search.get('sort');
  return {
    status: status === ALL ? null : (PEPIN_STATUSES.find((s) => s === status) ?? DEFAULT_STATUS),
    search: search.get('q')?.trim() ?? '',
    ruleKey: search.get('rule')?.trim() ?? '',
    category: search.get('category')?.trim() ?? '',
    overdue: search.get('overdue') === '1',
    order: PEPIN_ORDERS.find((o) => o === order) ?? DEFAULT_ORDER,
  };
}

/** Only what differs from the default view, so links stay short. */
export function writeQueueParams(params: QueueParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.status === null) search.set('status', ALL);
  else if (params.status !== DEFAULT_STATUS) search.set('status', params.status);
  if (params.search) search.set('q', params.search);
  if (params.ruleKey) search.set('rule', params.ruleKey);
  if (params.category) search.set('category', params.category);
  if (params.overdue) search.set('overdue', '1');
  if (params.order !== DEFAULT_ORDER) search.set('sort', params.order);
  return search;
}

export function queueFilter(params: QueueParams): PepinFilter {
  return {
    ...(params.status ? { statuses: [params.status] } : {}),
    ...(params.search ? { search: params.search } : {}),
    ...(params.ruleKey ? { ruleKey: params.ruleKey.toUpperCase() } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(params.overdue ? { overdue: true } : {}),
  };
}
