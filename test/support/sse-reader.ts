/** A minimal Server-Sent Events reader over fetch, for tests that watch the live feed. */
export interface SseEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: string;
}

export interface SseConnection {
  /** The response's head. */
  readonly headers: Headers;
  readonly events: SseEvent[];
  readonly comments: string[];
  retry?: number;
  /** Resolves once `count` events have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  /** Resolves once a comment line (`: text`) equal to `text` has arrived (rejects after `timeoutMs`). */
  waitForComment(text: string, timeoutMs?: number): Promise<void>;
  /**
   * Resolves once a comment (a heartbeat) arrives after this call. The stream is ordered, so
   * whatever the server wrote before that comment has arrived: the event that proves "nothing
   * more came", without guessing a delay.
   */
  nextComment(timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} answered ${response.status}`);
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => boolean>();
  /** Resolves with `value()` once it is not undefined, checked after every block received. */
  const until = <T>(value: () => T | undefined, timeoutMs: number, failure: () => string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = value();
        if (found === undefined) return false;
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(failure()));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  const connection: SseConnection = {
    headers: response.headers,
    events,
    comments,
    waitFor: (count, timeoutMs = 10_000) =>
      until(
        () => (events.length >= count ? events.slice(0, count) : undefined),
        timeoutMs,
        () => `only ${events.length} of ${count} events after ${timeoutMs} ms`,
      ),
    nextComment: (timeoutMs = 10_000) => {
      const seen = comments.length;
      return until(
        () => (comments.length > seen ? true : undefined),
        timeoutMs,
        () => `no comment after ${timeoutMs} ms`,
      ).then(() => undefined);
    },
    waitForComment: (text, timeoutMs = 10_000) =>
      until(
        () => (comments.includes(text) ? true : undefined),
        timeoutMs,
        () => `no ": ${text}" comment after ${timeoutMs} ms (got ${JSON.stringify(comments)})`,
      ).then(() => undefined),
    close: () => controller.abort(),
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = { event: 'message', data: [] as string[], id: undefined as string | undefined };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('retry:')) connection.retry = Number(line.slice(6));
            else if (line.startsWith('event:')) fields.event = line.slice(6).trim();
            else if (line.startsWith('id:')) fields.id = line.slice(3).trim();
            else if (line.startsWith('data:')) {
              fields.data.push(line.slice(5).trimStart());
              isEvent = true;
            }
          }
          if (isEvent) events.push({ event: fields.event, id: fields.id, data: fields.data.join('\n') });
          for (const check of [...waiters]) if (check()) waiters.delete(check);
        }
      }
    } catch {
      // Aborted by close(), or the server ended the stream.
    }
  })();
  return connection;
}
