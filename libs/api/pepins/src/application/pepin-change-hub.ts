import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable, Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { isUuid, PgListener } from '@pepite/api/database';
import { PEPIN_CHANGES_CHANNEL } from '../persistence/pepin-change-signal';

/** After a break in the LISTEN connection: every watched pépin may have changed unseen. */
const ANY_PEPIN = '*';

/** How often every watcher is told to look anyway, in case the listener died without telling. */
const SAFETY_POLL_MS = 60_000;

/**
 * One LISTEN connection per API instance (the `PgListener` the notifications use) on the
 * channel the pépin writers signal after commit (`signalPepinChanged`). A signal carries a
 * pépin's id and nothing else: it only says "read this pépin again"; the page's usual query,
 * with its usual access rules, stays the truth. After a reconnection the hub cannot know which
 * pépins changed meanwhile, so every watcher is told.
 */
@Injectable()
export class PepinChangeHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PepinChangeHub.name);
  private readonly subject = new Subject<string>();
  private readonly listener: PgListener;
  private closed = false;
  private active = 0;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.listener = new PgListener({
      url: (dataSource.options as { url?: string }).url ?? '',
      channel: PEPIN_CHANGES_CHANNEL,
      applicationName: 'pepite-pepin-changes-listener',
      onNotification: (pepinId) => {
        if (isUuid(pepinId)) this.signal(pepinId.toLowerCase());
      },
      onReconnected: () => this.signal(ANY_PEPIN),
      warn: (message) => this.logger.warn(message),
      safetyPollMs: SAFETY_POLL_MS,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.subject.complete();
    await this.listener.stop();
  }

  /** Watches of a pépin open on this instance (tests wait on it before changing the pépin). */
  get watching(): number {
    return this.active;
  }

  /** The id of `pepinId` each time it (may have) changed, from any instance, after commit. */
  changesOf(pepinId: string): Observable<string> {
    const id = pepinId.toLowerCase();
    return new Observable<string>((subscriber) => {
      const signals = this.subject.subscribe({
        next: (changed) => {
          if (changed === id) subscriber.next(changed);
          else if (changed === ANY_PEPIN) subscriber.next(id);
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

  private signal(pepinId: string): void {
    if (!this.closed) this.subject.next(pepinId);
  }
}
