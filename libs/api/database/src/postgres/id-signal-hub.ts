import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { isUuid } from './data-source-options';
import { PgListener } from './pg-listener';

/** A signal for every watcher: the hub may have missed notifications (after a reconnection). */
export const EVERY_ID = '*';

export interface IdSignalHubOptions {
  /** The channel the writers `NOTIFY` after commit, with an id as the payload. */
  readonly channel: string;
  /** Shown in `pg_stat_activity`, so an operator can tell the listeners apart. */
  readonly applicationName: string;
  /** How often every watcher is told to look anyway, in case the listener died without telling. */
  readonly safetyPollMs: number;
  readonly warn: (message: string) => void;
}

/**
 * One LISTEN connection per API instance on one channel whose payload is an id (a user's, a
 * pépin's…). A signal only says "look at this id again": watchers read the truth from the
 * tables, with their usual access rules. After a reconnection, or on the safety poll, the hub
 * cannot know which ids it missed, so it says `EVERY_ID` and every watcher looks.
 *
 * The notifications and the live pépin page are two uses of this one mechanism; each context
 * keeps only its channel and what its watchers do with a signal.
 */
export class IdSignalHub implements OnModuleInit, OnModuleDestroy {
  private readonly subject = new Subject<string>();
  private readonly listener: PgListener;
  private closed = false;
  private active = 0;
  /** Every signal: an id in lower case, or `EVERY_ID`. */
  readonly signals$ = this.subject.asObservable();

  constructor(dataSource: DataSource, options: IdSignalHubOptions) {
    this.listener = new PgListener({
      url: (dataSource.options as { url?: string }).url ?? '',
      channel: options.channel,
      applicationName: options.applicationName,
      onNotification: (id) => {
        if (isUuid(id)) this.signal(id.toLowerCase());
      },
      onReconnected: () => this.signal(EVERY_ID),
      warn: options.warn,
      safetyPollMs: options.safetyPollMs,
    });
  }

  /** Nest starts listening with the module (each hub is a provider of its context). */
  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.subject.complete();
    await this.listener.stop();
  }

  /** Whether the LISTEN connection is up. */
  get listening(): boolean {
    return this.listener.listening;
  }

  /** Watches opened with `signalsFor` and not ended yet, on this instance (tests wait on it). */
  get watching(): number {
    return this.active;
  }

  /** `id` each time it (may have) changed, from any instance, after commit; ends with the hub. */
  signalsFor(id: string): Observable<string> {
    const watched = id.toLowerCase();
    return new Observable<string>((subscriber) => {
      const signals = this.subject.subscribe({
        next: (changed) => {
          if (changed === watched || changed === EVERY_ID) subscriber.next(watched);
        },
        complete: () => subscriber.complete(),
      });
      this.active++;
      return () => {
        signals.unsubscribe();
        this.active--;
      };
    });
  }

  private signal(id: string): void {
    if (!this.closed) this.subject.next(id);
  }
}
