import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { RequestTallies } from './request-tallies';

const FEED_LATEST = '/api/rulebook/releases/latest';
const FEED_VERSION = /^\/api\/rulebook\/releases\/\d+$/;
const FEED_CHANGES = /^\/api\/rulebook\/changes(\?|$)/;
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

const EVENTS = /^\/api\/rulebook\/events(\?|$)/;

/** What the request asked for, as a bounded label: never the raw URL or a client-chosen name. */
function routeOf(request: IncomingMessage & { route?: { path?: unknown }; baseUrl?: string }): string {
  const url = request.url ?? '';
  if (url === FEED_LATEST || url.startsWith(`${FEED_LATEST}?`)) return 'feed latest';
  if (FEED_VERSION.test(url.split('?')[0] ?? '')) return 'feed version';
  if (FEED_CHANGES.test(url)) return 'feed changes';
  // Express's matched route (set once routed): its pattern, not the path with its ids.
  const pattern = request.route?.path;
  if (typeof pattern === 'string') return `${request.method ?? 'GET'} ${request.baseUrl ?? ''}${pattern}`;
  // A GraphQL request refused before it named an operation (bad JSON, too deep, unparsable).
  if ((url.split('?')[0] ?? '') === '/graphql') return 'graphql refused';
  return 'other';
}

/**
 * The API's Prometheus metrics, one registry per API (tests run several in one process).
 * Request counts and durations per operation (a GraphQL operation is named by its type and
 * first root field, which the schema bounds; client-chosen operation names are never labels),
 * feed answers by status, open event streams. The values read from the database at scrape
 * time (jobs, pool, overdue pépins) are registered by `MetricsCollectors`.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly operations = new WeakMap<IncomingMessage, string>();
  private readonly tallies = new RequestTallies(this.registry);
  private readonly streams = new Gauge({
    name: 'pepite_sse_streams_open',
    help: 'Server-Sent Events connections open on this instance (/api/rulebook/events).',
    registers: [this.registry],
  });

  /** `processMetrics`: prom-client's CPU, memory, GC and event-loop metrics (their monitors only run when someone scrapes). */
  constructor({ processMetrics }: { processMetrics: boolean }) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'pepite_' });
  }

  /**
   * Called by the HTTP server for every request: before anyone answers it, or just after its
   * first handler did (the feed's answers from memory end at once, and are then counted
   * without a 'finish' listener, which on the desktops' 304 poll cost a measurable share of
   * the answer: bench/feed-304.mjs). Counted and timed when it finishes. `started`: `performance.now()`.
   */
  observe(request: IncomingMessage, response: ServerResponse, started = performance.now()): void {
    if (this.isStream(request, response)) return;
    if (response.writableEnded) this.record(request, response, started);
    else response.once('finish', () => this.record(request, response, started));
  }

  /** An event stream is counted while open, never timed. */
  private isStream(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || !EVENTS.test(request.url ?? '')) return false;
    this.streams.inc();
    response.once('close', () => this.streams.dec());
    return true;
  }

  private record(request: IncomingMessage, response: ServerResponse, started: number): void {
    const operation = this.operations.get(request) ?? routeOf(request);
    this.tallies.of(operation, response.statusCode).add((performance.now() - started) / 1000);
  }

  /** Names each GraphQL request by its operation type and first root field, once validated. */
  graphqlPlugin(): ApolloPlugin {
    const operations = this.operations;
    return {
      requestDidStart: () =>
        Promise.resolve({
          didResolveOperation: ({ operation, contextValue }) => {
            const request = (contextValue as { req?: IncomingMessage } | undefined)?.req;
            if (!operation || !request) return Promise.resolve();
            const first = operation.selectionSet.selections.find((selection) => selection.kind === 'Field');
            const field = first?.kind === 'Field' ? first.name.value : '?';
            operations.set(request, `${operation.operation} ${field}`);
            return Promise.resolve();
          },
        }),
    };
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
