import type { ServerResponse } from 'node:http';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { compareOrder, type FeedEvent, type Order } from '../application/feed-event';
import { RulebookEventHub } from '../application/rulebook-event-hub';
import { RULEBOOK_OPTIONS, type RulebookOptions } from '../rulebook.options';

/**
 * When an instance stops, its clients are told to come back within this many milliseconds,
 * each at a random moment, so thousands of desktops do not reconnect in the same instant.
 */
const RECONNECT_SPREAD_MS = 250;
/** Shared by every connection, encoded once. */
const HEARTBEAT = Buffer.from(': heartbeat\n\n', 'utf8');

/**
 * One client's stream. Until its replay from the tables is done, live events wait in
 * `buffered`; anything at or before the last event written is dropped, so a resume from
 * `Last-Event-ID` misses nothing and repeats nothing.
 */
export class LiveStream {
  last: Order | undefined;
  buffered: FeedEvent[] | undefined = [];

  constructor(readonly response: ServerResponse) {}

  write(event: FeedEvent): void {
    if (this.last && compareOrder(event.order, this.last) <= 0) return;
    this.last = event.order;
    this.response.write(event.frame);
  }

  /** Called by the fan-out loop for every live event. */
  deliver(event: FeedEvent): void {
    if (this.buffered) this.buffered.push(event);
    else this.write(event);
  }

  /** The replay is written: what arrived meanwhile follows, then live events go straight out. */
  replayed(): void {
    const waiting = this.buffered ?? [];
    this.buffered = undefined;
    for (const event of waiting) this.write(event);
  }
}

/**
 * Every open event stream of this instance, fed by one subscription to the hub: a live
 * event is one loop writing the same bytes to each socket, as a bare node:http broadcast
 * does, and the heartbeat is one timer for all. A subscription, closures and a timer per
 * client made a publication to 2,000 desktops cost 7 times a bare loop's time in the
 * event loop (bench/sse-fanout.mjs, `loopMs`), and 10,000 idle desktops hold as many
 * timers and subscribers.
 */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly streams = new Set<LiveStream>();
  private subscription: Subscription | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: RulebookEventHub,
    @Inject(RULEBOOK_OPTIONS) private readonly options: RulebookOptions,
  ) {}

  /** How many streams are open (the bench waits for none before it measures a broadcast). */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Adds a stream whose head and `retry:` are written. Subscribed to the hub only while a
   * stream is open, so a process with none (or a bench subscribing first) sees the hub alone.
   */
  add(stream: LiveStream): () => void {
    this.streams.add(stream);
    if (!this.subscription) {
      this.subscription = this.hub.events$.subscribe({
        next: (event) => {
          for (const each of this.streams) each.deliver(event);
        },
        complete: () => this.endAll(),
      });
      this.subscription.add(this.hub.ending$.subscribe({ complete: () => this.endAll(true) }));
      const heartbeatMs = this.options.sseHeartbeatSeconds * 1000;
      this.heartbeat = setInterval(() => {
        for (const each of this.streams) each.response.write(HEARTBEAT);
      }, heartbeatMs).unref();
    }
    return () => {
      if (this.streams.delete(stream) && this.streams.size === 0) this.stop();
    };
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** The hub completed (the instance closes), or the instance stops serving streams. */
  private endAll(reconnectNow = false): void {
    const streams = [...this.streams];
    this.streams.clear();
    this.stop();
    for (const stream of streams) {
      // A short `retry:` so the client reconnects (elsewhere) at once.
      if (reconnectNow) stream.response.end(`retry: ${Math.floor(Math.random() * RECONNECT_SPREAD_MS)}\n\n`);
      else stream.response.end();
    }
  }

  private stop(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    subscription?.unsubscribe();
  }
}
