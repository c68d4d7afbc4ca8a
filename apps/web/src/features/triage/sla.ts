import type { PepinStatus } from '../../gql/graphql';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SlaState =
  | { readonly kind: 'done'; readonly at: string }
  | { readonly kind: 'closed' }
  | { readonly kind: 'late' | 'soon' | 'ok'; readonly unit: 'minutes' | 'hours' | 'days'; readonly count: number };

/**
 * Where the acknowledgement promise stands: late, due within 24 h, or on time. Only a NEW
 * pépin still owes one; the others were acknowledged (or closed without it).
 */
export function slaState(
  pepin: { readonly status: PepinStatus; readonly ackDueAt: string; readonly acknowledgedAt?: string | null },
  now = Date.now(),
): SlaState {
  if (pepin.status !== 'NEW')
    return pepin.acknowledgedAt ? { kind: 'done', at: pepin.acknowledgedAt } : { kind: 'closed' };
  const left = new Date(pepin.ackDueAt).getTime() - now;
  const kind = left < 0 ? 'late' : left < DAY ? 'soon' : 'ok';
  return { kind, ...duration(Math.abs(left)) };
}

/** Hours up to two days (that is how managers count a 72 h promise), days beyond. */
function duration(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  if (ms < HOUR) return { unit: 'minutes', count: Math.max(1, Math.round(ms / MINUTE)) };
  if (ms < 2 * DAY) return { unit: 'hours', count: Math.round(ms / HOUR) };
  return { unit: 'days', count: Math.round(ms / DAY) };
}
