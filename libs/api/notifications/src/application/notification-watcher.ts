import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { NotificationView } from '../domain/notification';
import { committedSince, currentSnapshot } from '../persistence/notification-store';
import { NotificationEventHub } from './notification-event-hub';

/**
 * Live notifications of one user: those committed after the watch started, each once, in
 * the order they became visible. Each watch remembers the database snapshot of its last
 * read; on a "look" signal for its user it reads what committed since, whichever
 * instance wrote it. A failed read is retried at the next signal, from the same snapshot.
 */
@Injectable()
export class NotificationWatcher {
  private readonly logger = new Logger(NotificationWatcher.name);
  private active = 0;

  constructor(
    private readonly hub: NotificationEventHub,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Watches that have taken their starting snapshot and not ended yet, on this instance. */
  get watching(): number {
    return this.active;
  }

  watch(userId: string): Observable<NotificationView> {
    return new Observable<NotificationView>((subscriber) => {
      let snapshot: string | undefined;
      let reading = true; // until the starting snapshot is taken
      let lookAgain = false;
      let counted = false;
      const read = async (): Promise<void> => {
        if (reading) {
          lookAgain = true;
          return;
        }
        reading = true;
        try {
          do {
            lookAgain = false;
            const since = await committedSince(this.dataSource.manager, userId, snapshot as string);
            snapshot = since.snapshot;
            for (const notification of since.notifications) {
              if (subscriber.closed) return;
              subscriber.next(notification);
            }
          } while (lookAgain && !subscriber.closed);
        } catch (error) {
          // Kept: the snapshot did not move, so the next signal (or the safety poll) catches up.
          this.logger.warn(`notifications of a watcher not read: ${(error as Error).message}`);
        } finally {
          reading = false;
        }
      };
      // Listen first, then take the snapshot: a signal in between is honoured after it.
      const signals = this.hub.signalsFor(userId).subscribe({
        next: () => void read(),
        complete: () => subscriber.complete(),
      });
      currentSnapshot(this.dataSource.manager).then(
        (start) => {
          if (subscriber.closed) return;
          snapshot = start;
          counted = true;
          this.active++;
          reading = false;
          if (lookAgain) void read();
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        signals.unsubscribe();
        if (counted) this.active--;
        counted = false;
      };
    });
  }
}
