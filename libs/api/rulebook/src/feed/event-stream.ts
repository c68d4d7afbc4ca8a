import type { Request, Response } from 'express';
import { Subscription } from 'rxjs';
import { parseEventId } from '@pepite/rulebook-format';
import { compareOrder, type FeedEvent, type Order } from '../application/feed-event';
import type { RulebookEventHub } from '../application/rulebook-event-hub';

/**
 * When an instance stops, its clients are told to come back within this many milliseconds,
 * each at a random moment, so thousands of desktops do not reconnect in the same instant.
 */
const RECONNECT_SPREAD_MS = 250;
/** Shared by every connection, encoded once. */
const HEARTBEAT = Buffer.from(': heartbeat\n\n', 'utf8');

export interface StreamSettings {
  readonly heartbeatMs: number;
  readonly retryMs: number;
}

/**
 * One Server-Sent Events connection. It subscribes to the hub before replaying from the
 * tables, buffers what arrives meanwhile, and drops anything at or before the last event
 * written: so a resume from `Last-Event-ID` misses nothing and repeats nothing.
 */
export async function openEventStream(
  request: Request,
  response: Response,
  hub: RulebookEventHub,
  settings: StreamSettings,
): Promise<void> {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // Tell nginx-style proxies not to buffer the stream.
    'X-Accel-Buffering': 'no',
  });
  response.write(`retry: ${settings.retryMs}\n\n`);

  let last: Order | undefined;
  let replaying = true;
  const buffered: FeedEvent[] = [];
  const write = (event: FeedEvent) => {
    if (last && compareOrder(event.order, last) <= 0) return;
    last = event.order;
    response.write(event.frame);
  };
  let subscription: Subscription | undefined = hub.events$.subscribe({
    next: (event) => (replaying ? buffered.push(event) : write(event)),
    complete: () => response.end(),
  });
  const heartbeat = setInterval(() => response.write(HEARTBEAT), settings.heartbeatMs);
  const ending = new Subscription();
  const close = () => {
    clearInterval(heartbeat);
    subscription?.unsubscribe();
    subscription = undefined;
    ending.unsubscribe();
  };
  // The instance is stopping: a short `retry:` so the client reconnects (elsewhere) at once.
  ending.add(
    hub.ending$.subscribe({
      complete: () => {
        close();
        response.end(`retry: ${Math.floor(Math.random() * RECONNECT_SPREAD_MS)}\n\n`);
      },
    }),
  );
  request.on('close', close);
  response.on('error', close);

  const lastEventId =
    request.header('last-event-id') ??
    (typeof request.query['lastEventId'] === 'string' ? request.query['lastEventId'] : undefined);
  const cursor = parseEventId(lastEventId);
  try {
    if (cursor) {
      const from =
        cursor.advisorySeq === undefined
          ? await hub.positionAfterRelease(cursor.version)
          : { version: cursor.version, advisorySeq: cursor.advisorySeq };
      last = [
        from.advisorySeq,
        cursor.advisorySeq === undefined ? 1 : 0,
        cursor.advisorySeq === undefined ? cursor.version : 0,
      ];
      for (const event of await hub.eventsAfter(from)) write(event);
    } else {
      // A new client starts from now: it fetches the latest release itself.
      const now = hub.current;
      last = [now.advisorySeq, 1, now.version];
    }
  } catch {
    close();
    response.end();
    return;
  }
  replaying = false;
  for (const event of buffered.splice(0)) write(event);
}
