export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');

/** How e-mail leaves (composition root: SMTP_URL, MAIL_FROM, PUBLIC_URL). */
export interface MailOptions {
  /** `smtp://` or `smtps://` URL of the relay; unset: `outboxDir`, or no e-mail at all. */
  readonly smtpUrl?: string;
  /** Without a relay (development, the demo): each message is written here as a `.eml` file. */
  readonly outboxDir?: string;
  /** The From header, e.g. `Pépite <pepite@example.com>`. */
  readonly from: string;
  /** The console's public origin: links and unsubscribe URLs are built on it. */
  readonly publicUrl: string;
  /** Signs unsubscribe links. */
  readonly unsubscribeSecret: string;
}
