import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MAIL_OPTIONS, type MailOptions } from './mail.options';

/** One message as it leaves: addresses, both bodies, extra headers and a stable Message-ID. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  /** `<delivery-id@pepite>`: the same for every attempt of one delivery, so receivers can drop a repeat. */
  readonly messageId: string;
  /** Names the `.eml` file when written to disk. */
  readonly fileStem: string;
}

/**
 * nodemailer, to the SMTP relay of `SMTP_URL`; without one, to `.eml` files in the data
 * directory (what a newcomer trying the demo opens to see what people would receive).
 * nodemailer rather than hand-written SMTP: MIME, encodings, STARTTLS and the relay's
 * quirks are its whole job, and it has no dependencies of its own.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(@Inject(MAIL_OPTIONS) private readonly options: MailOptions) {
    if (options.smtpUrl) this.transporter = createTransport(options.smtpUrl);
    else if (options.outboxDir) this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    else this.transporter = null;
  }

  /** Whether e-mail is on (a relay, or the `.eml` folder). */
  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** Where mail goes, for the start banner. */
  describe(): string {
    if (this.options.smtpUrl) return `SMTP ${new URL(this.options.smtpUrl).host}`;
    if (this.options.outboxDir) return `.eml files in ${this.options.outboxDir}`;
    return 'off (no SMTP_URL)';
  }

  get outboxDir(): string | null {
    return this.options.smtpUrl ? null : (this.options.outboxDir ?? null);
  }

  /** Hands the message over; resolves once the relay accepted it (or the file is written). */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('e-mail is off');
    const info = (await this.transporter.sendMail({
      from: this.options.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      messageId: mail.messageId,
    })) as { message?: Buffer };
    if (!this.options.smtpUrl && this.options.outboxDir && info.message) {
      await mkdir(this.options.outboxDir, { recursive: true });
      await writeFile(path.join(this.options.outboxDir, `${mail.fileStem}.eml`), info.message);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
