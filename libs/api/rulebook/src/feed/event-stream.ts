import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseEventId } from '@pepite/rulebook-format';
import type { RulebookEventHub } from '../application/rulebook-event-hub';
import { LiveStream, type LiveStreams } from './live-streams';

/** The head of every event stream, whichever handler opens it. */
export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Tell nginx-style proxies not to buffer the stream.
  'X-Accel-Buffering': 'no',
};

export interface StreamSettings {
  readonly retryMs: number;
  /** From the `Last-Event-ID` header, or the `lastEventId` query parameter. */
  readonly lastEventId: string | undefined;
}

/**
 * One Server-Sent Events connection, its head already written. It joins the instance's
 * live streams (which buffer what arrives meanwhile) before replaying from the tables, and
 * drops anything at or before the last event written: so a resume from `Last-Event-ID`
 * misses nothing and repeats nothing.
 */
export async function streamEvents(
  request: IncomingMessage,
  response: ServerResponse,
  hub: RulebookEventHub,
  streams: LiveStreams,
  settings: StreamSettings,
): Promise<void> {
  response.write(`retry: ${settings.retryMs}\n\n`);

  const stream = new LiveStream(response);
  const close = streams.add(stream);
  request.on('close', close);
  response.on('error', close);

  const cursor = parseEventId(settings.lastEventId);
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
