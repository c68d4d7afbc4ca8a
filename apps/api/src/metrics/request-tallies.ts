import { Counter, type Registry } from 'prom-client';

/** Upper bounds of the request duration buckets, in seconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Requests of one operation and status: counted and timed in plain numbers. */
export class Tally {
  count = 0;
  sum = 0;
  /** Per bucket (not cumulative), the last one past every bound (+Inf). */
  readonly buckets = new Float64Array(DURATION_BUCKETS.length + 1);

  constructor(
    readonly operation: string,
    readonly status: string,
  ) {}

  add(seconds: number): void {
    this.count += 1;
    this.sum += seconds;
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[bucket] as number)) bucket += 1;
    this.buckets[bucket] = (this.buckets[bucket] as number) + 1;
  }
}

interface MetricValue {
  readonly labels: Record<string, string | number>;
  readonly value: number;
  readonly metricName?: string;
}

/**
 * The request counters and duration histogram, kept as `Tally`s on the request path and
 * handed to prom-client only when someone scrapes. prom-client's labelled `inc` and
 * `observe` validate and hash their labels on every call, even on a child made once: three
 * of them per request were about 8 % of the CPU of a 304 answered from memory, the desktops'
 * poll (profile of bench/status-storm.mjs). At a scrape, the counters are rebuilt from the
 * tallies (a few dozen label sets) and the histogram is written out by `DurationHistogram`.
 */
export class RequestTallies {
  /** By operation, then status: no key is built per request. */
  private readonly byOperation = new Map<string, Map<number, Tally>>();
  private readonly tallies: Tally[] = [];

  constructor(registry: Registry) {
    const tallies = this.tallies;
    new Counter({
      name: 'pepite_http_requests_total',
      help: 'HTTP requests answered, by operation (GraphQL: type and first root field) and status.',
      labelNames: ['operation', 'status'],
      registers: [registry],
      collect() {
        this.reset();
        for (const tally of tallies) this.inc({ operation: tally.operation, status: tally.status }, tally.count);
      },
    });
    new Counter({
      name: 'pepite_feed_responses_total',
      help: 'Rulebook feed answers by route and status (304: the desktop already had it).',
      labelNames: ['route', 'status'],
      registers: [registry],
      collect() {
        this.reset();
        for (const tally of tallies) {
          if (tally.operation.startsWith('feed ')) this.inc({ route: tally.operation.slice(5), status: tally.status }, tally.count);
        }
      },
    });
    registry.registerMetric(new DurationHistogram(tallies) as unknown as Counter);
  }

  /** The tally of an operation and status: bounded, operations by the schema and the routes, statuses by HTTP. */
  of(operation: string, status: number): Tally {
    let statuses = this.byOperation.get(operation);
    if (!statuses) {
      statuses = new Map();
      this.byOperation.set(operation, statuses);
    }
    let tally = statuses.get(status);
    if (!tally) {
      tally = new Tally(operation, String(status));
      statuses.set(status, tally);
      this.tallies.push(tally);
    }
    return tally;
  }
}

/**
 * `pepite_http_request_duration_seconds`, a Prometheus histogram per operation (its statuses
 * summed), read from the tallies at scrape time. It is registered as a metric object of
 * prom-client's own shape (name, help, type and `get()` giving the samples), which the
 * registry writes out as it writes its own histograms.
 */
class DurationHistogram {
  readonly name = 'pepite_http_request_duration_seconds';
  readonly help = 'Time to answer an HTTP request, by operation (event streams excluded).';
  readonly type = 'histogram';
  readonly aggregator = 'sum';

  constructor(private readonly tallies: readonly Tally[]) {}

  get(): { name: string; help: string; type: string; aggregator: string; values: MetricValue[] } {
    const byOperation = new Map<string, { buckets: number[]; sum: number; count: number }>();
    for (const tally of this.tallies) {
      let sums = byOperation.get(tally.operation);
      if (!sums) {
        sums = { buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
        byOperation.set(tally.operation, sums);
      }
      for (let bucket = 0; bucket < tally.buckets.length; bucket += 1) sums.buckets[bucket] = (sums.buckets[bucket] as number) + (tally.buckets[bucket] as number);
      sums.sum += tally.sum;
      sums.count += tally.count;
    }
    const values: MetricValue[] = [];
    for (const [operation, sums] of byOperation) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((bound, bucket) => {
        cumulative += sums.buckets[bucket] as number;
        values.push({ labels: { le: bound, operation }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf', operation }, value: sums.count, metricName: `${this.name}_bucket` });
      values.push({ labels: { operation }, value: sums.sum, metricName: `${this.name}_sum` });
      values.push({ labels: { operation }, value: sums.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
