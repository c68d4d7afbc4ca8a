import { Client } from 'pg';

export interface PgListenerOptions {
  readonly url: string;
  readonly channel: string;
  readonly applicationName: string;
  /** A notification's payload, as sent. */
  readonly onNotification: (payload: string) => void;
  /**
   * Called once the channel is listened to again after a break (never at the first start):
   * whatever was committed in between was not notified, so callers catch up from the tables.
   */
  readonly onReconnected: () => void;
  readonly warn: (message: string) => void;
  /** Also called every `safetyPollMs`, in case a connection died without telling. */
  readonly safetyPollMs?: number;
}

const MAX_RECONNECT_MS = 30_000;

/**
 * One LISTEN connection, kept up: reconnects with capped exponential backoff. Notifications
 * only ever say "look"; the tables stay the truth, so nothing depends on their delivery.
 */
export class PgListener {
  private client?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private pollTimer?: NodeJS.Timeout;
  private closed = false;
  private failures = 0;

  constructor(private readonly options: PgListenerOptions) {}

  async start(): Promise<void> {
    await this.connect();
    if (this.options.safetyPollMs) this.pollTimer = setInterval(() => this.options.onReconnected(), this.options.safetyPollMs).unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pollTimer);
    await this.client?.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: this.options.applicationName });
    client.on('notification', (message) => this.options.onNotification(message.payload ?? ''));
    client.on('error', (error) => this.options.warn(`${this.options.channel} listener: ${error.message}`));
    client.on('end', () => {
      if (this.client === client) this.client = undefined;
      this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
      this.client = client;
      if (this.failures > 0) this.options.onReconnected();
      this.failures = 0;
    } catch (error) {
      this.options.warn(`${this.options.channel} listener cannot connect: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.reconnectLater();
    }
  }

  private reconnectLater(): void {
    if (this.closed || this.reconnectTimer) return;
    this.failures++;
    const delay = Math.min(MAX_RECONNECT_MS, 500 * 2 ** Math.min(this.failures, 6));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay).unref();
  }
}
