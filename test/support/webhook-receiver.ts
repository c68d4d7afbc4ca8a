import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The exact bytes received, as text (what the signature covers). */
  readonly body: string;
  /** The status the receiver answered; 0 while it holds the call open (`'hold'`). */
  readonly answered: number;
}

/** A real HTTP receiver on 127.0.0.1 that records every call and answers what the test says. */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  /** The status to answer for each call of a path (1-based count of calls to that path); `'hold'` never answers. */
  answer: (path: string, nth: number) => number | 'hold' = () => 200;
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const holder: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const receiver = holder.receiver as WebhookReceiver;
        const path = request.url ?? '/';
        const nth = receiver.calls.filter((call) => call.path === path).length + 1;
        const verdict = receiver.answer(path, nth);
        const answered = verdict === 'hold' ? 0 : verdict;
        receiver.calls.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        if (verdict !== 'hold') response.writeHead(verdict).end();
        receiver.wake();
      });
    });
    holder.receiver = new WebhookReceiver(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return holder.receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  to(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  /** Resolves with `what()` once it is truthy, checked at each call received. */
  async waitFor<T>(what: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = what();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the awaited webhook call did not come; got ${JSON.stringify(this.calls.map((c) => [c.path, c.headers['x-pepite-event'], c.answered]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 1);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

/**
 * The signature check a receiver writes, done independently of the API's code: WebCrypto's
 * HMAC-SHA256 over `<timestamp>.<body>`, compared with `v1=<hex>`.
 */
export async function verifiedIndependently(secret: string, call: ReceivedCall): Promise<boolean> {
  const timestamp = String(call.headers['x-pepite-timestamp'] ?? '');
  const header = String(call.headers['x-pepite-signature'] ?? '');
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const hex = header.replace(/^v1=/, '');
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  const signature = new Uint8Array(hex.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);
  return crypto.subtle.verify('HMAC', key, signature, new TextEncoder().encode(`${timestamp}.${call.body}`));
}
