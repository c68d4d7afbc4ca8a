/**
 * The time deadlines are judged by. Production reads the system clock; tests move it
 * forward to reach a deadline without waiting three days (only when built controllable).
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly controllable = false) {}

  now(): Date {
    return new Date(this.nowMs());
  }

  /** The same instant in milliseconds since the epoch, with no Date made (checked on every feed request). */
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves this process's idea of "now" forward; refused outside tests. */
  advance(ms: number): void {
    if (!this.controllable) throw new Error('this clock follows the system time and cannot be moved');
    this.offsetMs += ms;
  }
}
