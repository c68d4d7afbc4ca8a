import { advisoryEventId, releaseEventId, type AdvisoryEntry, type ReleaseEvent } from '@pepite/rulebook-format';

/** One live event, rendered once as an SSE frame however many clients receive it. */
export type FeedEvent =
  | { readonly kind: 'release'; readonly id: string; readonly order: Order; readonly frame: string; readonly release: ReleaseEvent }
  | { readonly kind: 'advisory'; readonly id: string; readonly order: Order; readonly frame: string; readonly advisory: AdvisoryEntry };

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
    frame: `event: release\nid: ${id}\ndata: ${JSON.stringify(release)}\n\n`,
    release,
  };
}

export function advisoryFeedEvent(advisory: AdvisoryEntry): FeedEvent {
  const id = advisoryEventId(advisory);
  return {
    kind: 'advisory',
    id,
    order: [advisory.seq, 0, 0],
    frame: `event: advisory\nid: ${id}\ndata: ${JSON.stringify(advisory)}\n\n`,
    advisory,
  };
}

/** Where a client stands: the last release and advisory it has seen. */
export interface FeedPosition {
  readonly version: number;
  readonly advisorySeq: number;
}
