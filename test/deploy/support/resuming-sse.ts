/**
 * An agent desktop's event stream through the proxy: it follows the SSE rules (waits the
 * last `retry:` it was told, reconnects with Last-Event-ID) and records every release id it
 * receives, which instance served each connection, and how each connection ended.
 */
export class ResumingSse {
  readonly releaseIds: number[] = [];
  /** The instance (nginx's $upstream_addr) of each connection, in order. */
  readonly instances: string[] = [];
  /** The `retry:` value last sent before the server ended a stream, per ended stream. */
  readonly retryBeforeEnd: (number | undefined)[] = [];
  private retryMs = 3000;
  private controller = new AbortController();
  private stopped = false;
  private connectedOnce?: () => void;
  readonly connected: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
    private lastEventId?: string,
  ) {
    this.connected = new Promise((resolve) => (this.connectedOnce = resolve));
    void this.loop();
  }

  get instance(): string | undefined {
    return this.instances[this.instances.length - 1];
  }

  close(): void {
    this.stopped = true;
    this.controller.abort();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.controller = new AbortController();
      let endedByServer = false;
      try {
        const response = await fetch(this.url, {
          headers: { accept: 'text/event-stream', ...(this.lastEventId ? { 'last-event-id': this.lastEventId } : {}), ...this.headers },
          signal: this.controller.signal,
        });
        if (response.status === 200 && response.body) {
          this.instances.push(response.headers.get('x-pepite-instance') ?? '?');
          const lastRetry = await this.read(response.body as unknown as AsyncIterable<Uint8Array>);
          endedByServer = true;
          this.retryBeforeEnd.push(lastRetry);
        } else {
          await response.body?.cancel();
        }
      } catch {
        // Cut or refused: reconnect after the retry delay, as EventSource does.
      }
      if (this.stopped) return;
      await new Promise((resolve) => setTimeout(resolve, endedByServer ? this.retryMs : Math.max(this.retryMs, 100)));
    }
  }

  /** Reads one connection; resolves with the `retry:` that came last in it, if any. */
  private async read(body: AsyncIterable<Uint8Array>): Promise<number | undefined> {
    const decoder = new TextDecoder();
    let buffer = '';
    let lastRetry: number | undefined;
    let first = true;
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        let event = 'message';
        let id: string | undefined;
        // Only a `retry:` in the stream's last frame counts as "told to move".
        lastRetry = undefined;
        for (const line of lines) {
          if (line.startsWith('retry:')) {
            this.retryMs = Number(line.slice(6));
            lastRetry = this.retryMs;
            if (first) {
              first = false;
              this.connectedOnce?.();
            }
          } else if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('id:')) id = line.slice(3).trim();
        }
        if (id) this.lastEventId = id;
        if (event === 'release' && id) this.releaseIds.push(Number(id));
      }
    }
    return lastRetry;
  }
}
