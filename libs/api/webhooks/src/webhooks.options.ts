export const WEBHOOKS_OPTIONS = Symbol('WEBHOOKS_OPTIONS');

/** Composition root: WEBHOOK_ALLOWED_TARGETS, WEBHOOK_RETRY_DELAY_SECONDS, … (README). */
export interface WebhooksOptions {
  /** The console's public origin, for the `url` of payloads. */
  readonly publicUrl: string;
  /** IP addresses and networks a webhook may call although private, loopback or link-local. */
  readonly allowedTargets: readonly string[];
  /** First wait before a retry; pg-boss doubles it at each retry. */
  readonly retryDelaySeconds: number;
  /** Attempts of one delivery before it is given up. */
  readonly maxAttempts: number;
  /** Failed attempts in a row after which a webhook is disabled and the admins told. */
  readonly disableAfterFailures: number;
  /** How long a receiver has to answer. */
  readonly timeoutMs: number;
}
