import { advisoryEventId, releaseEventId, type AdvisoryEntry, type ReleaseEvent } from '@pepite/rulebook-format';

/**
 * One live event, rendered once as an SSE frame however many clients receive it: the frame
 * is bytes, so writing it to thousands of sockets encodes nothing and allocates no string
 * per client (a 2,000-client fan-out used to encode the same text 2,000 times).
 */
export type FeedEvent =
  | { readonly kind: 'release'; readonly id: string; readonly order: Order; readonly frame: Buffer; readonly release: ReleaseEvent }
  | { readonly kind: 'advisory'; readonly id: string; readonly order: Order; readonly frame: Buffer; readonly advisory: AdvisoryEntry };

/**
 * Releases and advisories are numbered under one lock. A release published when the
 * advisory counter stood at `a` comes after advisory `a` and before `a + 1`.
 */
export type Order = readonly [advisorySeq: number, releaseAfter: 0 | 1, version: number];

export const compareOrder = (x: Order, y: Order): number => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

export function releaseFeedEvent(release: ReleaseEvent, advisorySeqAt: number): FeedEvent {
  const id = releaseEventId(release.version);
  return {
    kind: 'release',
    id,
    order: [advisorySeqAt, 1, release.version],
    frame: Buffer.from(`event: release\nid: ${id}\ndata: ${JSON.stringify(release)}\n\n`, 'utf8'),
    release,
  };
}

export function advisoryFeedEvent(advisory: AdvisoryEntry): FeedEvent {
  const id = advisoryEventId(advisory);
  return {
    kind: 'advisory',
    id,
    order: [advisory.seq, 0, 0],
    frame: Buffer.from(`event: advisory\nid: ${id}\ndata: ${JSON.stringify(advisory)}\n\n`, 'utf8'),
    advisory,
  };
}

/** Where a client stands: the last release and advisory it has seen. */
export interface FeedPosition {
  readonly version: number;
  readonly advisorySeq: number;
}
