import type { Request, Response } from 'express';
import { parseEventId } from '@pepite/rulebook-format';
import type { RulebookEventHub } from '../application/rulebook-event-hub';
import { LiveStream, type LiveStreams } from './live-streams';

export interface StreamSettings {
  readonly retryMs: number;
}

/**
 * One Server-Sent Events connection. It joins the instance's live streams (which buffer
 * what arrives meanwhile) before replaying from the tables, and drops anything at or before
 * the last event written: so a resume from `Last-Event-ID` misses nothing and repeats nothing.
 */
export async function openEventStream(
  request: Request,
  response: Response,
  hub: RulebookEventHub,
  streams: LiveStreams,
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

  const stream = new LiveStream(response);
  const close = streams.add(stream);
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
      stream.last = [
        from.advisorySeq,
        cursor.advisorySeq === undefined ? 1 : 0,
        cursor.advisorySeq === undefined ? cursor.version : 0,
      ];
      for (const event of await hub.eventsAfter(from)) stream.write(event);
    } else {
      // A new client starts from now: it fetches the latest release itself.
      const now = hub.current;
      stream.last = [now.advisorySeq, 1, now.version];
    }
  } catch {
    close();
    response.end();
    return;
  }
  stream.replayed();
}
