import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** What the mailbox does with one message's DATA: accept it, refuse it (a 4xx/5xx), or never answer. */
export type DataVerdict = 'accept' | { readonly refuse: number } | 'hold';

/**
 * A real SMTP server in the test process (smtp-server, parsed with mailparser: both by
 * nodemailer's authors), on 127.0.0.1, keeping every message it accepted.
 */
export class SmtpMailbox {
  readonly messages: ParsedMail[] = [];
  /** Decides each message's fate in arrival order; default: accept. */
  verdict: (attempt: number) => DataVerdict = () => 'accept';
  private attempts = 0;
  private waiters: (() => void)[] = [];
  private held: (() => void)[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<SmtpMailbox> {
    const box: { current?: SmtpMailbox } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => void box.current?.receive(stream, session, callback),
    });
    const mailbox = (box.current = new SmtpMailbox(server));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return mailbox;
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Messages to one address. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((message) => addresses(message).includes(address.toLowerCase()));
  }

  /** Resolves when `predicate` holds over the messages received (checked at each arrival). */
  async waitFor<T>(what: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = what();
      if (found) return found;
      if (Date.now() > deadline) throw new Error('the awaited e-mail did not arrive');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()) + 1);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once a message is being held (its DATA received, no answer given). */
  async waitForHeld(): Promise<void> {
    await this.waitFor(() => this.held.length > 0);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream, _session: SMTPServerSession, callback: (error?: Error | null) => void): Promise<void> {
    const verdict = this.verdict(++this.attempts);
    const parsed = await simpleParser(stream);
    if (verdict === 'hold') {
      this.held.push(() => callback(null));
      this.wake();
      return;
    }
    if (verdict !== 'accept') {
      callback(Object.assign(new Error('refused by the test mailbox'), { responseCode: verdict.refuse }));
      this.wake();
      return;
    }
    this.messages.push(parsed);
    callback(null);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}

export function addresses(message: ParsedMail): string[] {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : [];
  return to.flatMap((group) => group.value.map((entry) => (entry.address ?? '').toLowerCase()));
}

/** A header exactly as it was written (mailparser folds some into structures). */
export function rawHeader(message: ParsedMail, name: string): string | undefined {
  const line = message.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** The URL inside `List-Unsubscribe: <…>`. */
export function unsubscribeUrl(message: ParsedMail): string {
  const text = rawHeader(message, 'List-Unsubscribe') ?? '';
  const match = /<(https?:\/\/[^>]+)>/.exec(text);
  if (!match?.[1]) throw new Error(`no List-Unsubscribe URL in ${text}`);
  return match[1];
}
