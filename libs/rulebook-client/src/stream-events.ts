import { toRulebookError } from './errors';
import type { KeyTrust } from './key-trust';
import type { ReleaseSync, SyncOutcome } from './release-sync';
import type { SseEvent } from './sse-parser';
import type { ClientSignals, TrustedCopy } from './trusted-copy';
import { parseAdvisory, parseJson, parseReleaseEvent } from './validate';

/** Runs one task at a time: sync, stream events and polling never interleave their writes. */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * What the client does with each event of the live stream. A release event only says "there
 * is something newer": the release itself is fetched and verified.
 */
export class StreamEvents {
  constructor(
    private readonly sync: ReleaseSync,
    private readonly copy: TrustedCopy,
    private readonly keys: KeyTrust,
    private readonly signals: ClientSignals,
    private readonly serial: Serial,
  ) {}

  /**
   * A network failure is rethrown so the connection restarts and the server replays the
   * event; a refusal (rollback, tampering) is final for that event.
   */
  async handle(event: SseEvent): Promise<void> {
    if (event.type === 'release') {
      let announced;
      try {
        announced = parseReleaseEvent(parseJson(event.data, 'release event'));
      } catch (error) {
        this.signals.report(toRulebookError(error, 'MALFORMED', 'release event'));
        return this.processed(event);
      }
      const version = this.copy.version;
      if (version === undefined || announced.version > version) {
        const outcome: SyncOutcome = await this.serial(() => this.sync.refresh('changes'));
        if (outcome.error) {
          this.signals.report(outcome.error);
          if (outcome.error.code === 'NETWORK' || outcome.error.code === 'HTTP') throw outcome.error;
        }
      }
    } else if (event.type === 'advisory') {
      try {
        const advisory = parseAdvisory(parseJson(event.data, 'advisory event'));
        const key = await this.keys.get();
        await this.serial(() => this.copy.takeAdvisories(key, [advisory], 'add'));
      } catch (error) {
        this.signals.report(toRulebookError(error, 'MALFORMED', 'advisory event'));
      }
    }
    await this.processed(event);
  }

  private async processed(event: SseEvent): Promise<void> {
    if (!event.id || event.id === this.copy.lastProcessedEventId) return;
    this.copy.lastProcessedEventId = event.id;
    // Saved with the copy so a restarted desktop resumes the stream where it stopped.
    await this.serial(() => this.copy.persist());
  }
}
