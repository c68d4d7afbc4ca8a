import { Injectable, Logger } from '@nestjs/common';
import { concatMap, filter, share, type Observable } from 'rxjs';
import { observableAsyncIterator } from '@pepite/api/database';
import type { FeedEvent } from '../application/feed-event';
import { ReleaseCatalog } from '../application/release-catalog.service';
import { RulebookEventHub } from '../application/rulebook-event-hub';
import { AdvisoryType } from './advisory.type';
import { RulebookChangeKind, type RulebookChangeType } from './rulebook-change.type';
import { ReleaseType } from './release.type';

/**
 * The hub's live events as GraphQL `RulebookChange`s. A release event carries only the
 * seal, so its release is read once per event and shared by every subscriber; the
 * pipeline runs only while someone is subscribed.
 */
@Injectable()
export class RulebookChangeFeed {
  private readonly logger = new Logger(RulebookChangeFeed.name);
  private readonly changes$: Observable<RulebookChangeType>;
  private open = 0;

  constructor(
    hub: RulebookEventHub,
    private readonly catalog: ReleaseCatalog,
  ) {
    this.changes$ = hub.events$.pipe(
      concatMap((event) => this.changeOf(event)),
      filter((change): change is RulebookChangeType => change !== null),
      share(),
    );
  }

  /** Subscriptions currently open on this instance. */
  get openSubscriptions(): number {
    return this.open;
  }

  subscribe(): AsyncIterableIterator<RulebookChangeType> {
    this.open++;
    return observableAsyncIterator(this.changes$, { onFinish: () => this.open-- });
  }

  private async changeOf(event: FeedEvent): Promise<RulebookChangeType | null> {
    if (event.kind === 'advisory') {
      return { kind: RulebookChangeKind.ADVISORY, release: null, advisory: AdvisoryType.of(event.advisory) };
    }
    try {
      const release = await this.catalog.release(event.release.version);
      return { kind: RulebookChangeKind.RELEASE, release: ReleaseType.of(release), advisory: null };
    } catch (error) {
      // The release is committed (the hub read it); a failed read must not end every subscription.
      this.logger.warn(`release ${event.release.version} not pushed to subscriptions: ${(error as Error).message}`);
      return null;
    }
  }
}
