/** A minimal Server-Sent Events reader over fetch, for tests that watch the live feed. */
export interface SseEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: string;
}

export interface SseConnection {
  readonly events: SseEvent[];
  readonly comments: string[];
  retry?: number;
  /** Resolves once `count` events have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} answered ${response.status}`);
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => boolean>();
  const connection: SseConnection = {
    events,
    comments,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return false;
          clearTimeout(timer);
          resolve(events.slice(0, count));
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events after ${timeoutMs} ms`)), timeoutMs);
        if (!check()) waiters.add(check);
      }),
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
