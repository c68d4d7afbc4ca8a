export interface BackoffOptions {
  /** First delay, doubled after each failure in a row. */
  readonly initialDelayMs: number;
  /** Cap on any delay. */
  readonly maxDelayMs: number;
  /** Random source in [0, 1); injectable so tests are exact. */
  readonly random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": the delay is drawn from [d/2, d] where d doubles
 * per failure up to the cap. Jitter spreads the reconnections of many desktops after an API
 * restart; keeping half of d avoids the near-zero retries of full jitter.
 */
export class Backoff {
  private failures = 0;
  private readonly random: () => number;

  constructor(private readonly options: BackoffOptions) {
    if (!(options.initialDelayMs > 0) || !(options.maxDelayMs >= options.initialDelayMs)) {
      throw new RangeError('backoff needs 0 < initialDelayMs <= maxDelayMs');
    }
    this.random = options.random ?? Math.random;
  }

  /** Failures since the last reset. */
  get attempts(): number {
    return this.failures;
  }

  /** The delay before the next attempt; `baseMs` (a server's `retry:`) replaces the initial delay. */
  next(baseMs: number = this.options.initialDelayMs): number {
    const base = Math.min(Math.max(baseMs, 1), this.options.maxDelayMs);
    const ceiling = Math.min(base * 2 ** Math.min(this.failures, 30), this.options.maxDelayMs);
    this.failures += 1;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.failures = 0;
  }
}
