/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** `message` when the stream named none. */
  readonly type: string;
  readonly data: string;
  /** The last event id seen so far on the stream (the spec carries it over between events). */
  readonly id: string;
}

export interface SseHandlers {
  readonly onEvent: (event: SseEvent) => void;
  /** A valid `retry:` field, in milliseconds. */
  readonly onRetry?: (ms: number) => void;
  /** A comment line (`: heartbeat`), without the colon. */
  readonly onComment?: (text: string) => void;
}

/**
 * The event-stream parser of the HTML standard ("9.2.6 Interpreting an event stream"), fed
 * with decoded text in chunks that may split anywhere, even between the CR and LF of a CRLF.
 * Written here, not EventSource, because EventSource cannot send an Authorization header.
 */
export class SseParser {
  private buffer = '';
  private pendingCr = false;
  private started = false;
  private data = '';
  private hasData = false;
  private eventType = '';
  private lastEventId = '';

  constructor(private readonly handlers: SseHandlers) {}

  /** The id to send as `Last-Event-ID` on reconnection. */
  get lastId(): string {
    return this.lastEventId;
  }

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A CR ending the previous chunk already ended its line; an LF right after it is that line's CRLF.
    if (text.length === 0) return;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i += 1) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      this.line(this.buffer.slice(start, i));
      if (char === '\r') {
        if (i + 1 === this.buffer.length) this.pendingCr = true;
        else if (this.buffer[i + 1] === '\n') i += 1;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** End of stream: the spec discards an event that was not terminated by a blank line. */
  end(): void {
    this.buffer = '';
    this.pendingCr = false;
    this.resetEvent();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return this.handlers.onComment?.(line.slice(1).trimStart());
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data += `${value}\n`;
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.handlers.onRetry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored, as the spec says.
        break;
    }
  }

  private dispatch(): void {
    if (!this.hasData) return this.resetEvent();
    const event: SseEvent = { type: this.eventType || 'message', data: this.data.slice(0, -1), id: this.lastEventId };
    this.resetEvent();
    this.handlers.onEvent(event);
  }

  private resetEvent(): void {
    this.data = '';
    this.hasData = false;
    this.eventType = '';
  }
}
