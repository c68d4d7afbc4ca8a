import { Counter, Histogram, Registry } from 'prom-client';
import { DURATION_BUCKETS, RequestTallies } from './request-tallies';

/** The same requests written by prom-client's own metrics, as the API wrote them before tallies. */
function reference(requests: readonly [string, number, number][]): Registry {
  const registry = new Registry();
  const counts = new Counter({ name: 'pepite_http_requests_total', help: 'HTTP requests answered, by operation (GraphQL: type and first root field) and status.', labelNames: ['operation', 'status'], registers: [registry] });
  const durations = new Histogram({ name: 'pepite_http_request_duration_seconds', help: 'Time to answer an HTTP request, by operation (event streams excluded).', labelNames: ['operation'], buckets: [...DURATION_BUCKETS], registers: [registry] });
  const feed = new Counter({ name: 'pepite_feed_responses_total', help: 'Rulebook feed answers by route and status (304: the desktop already had it).', labelNames: ['route', 'status'], registers: [registry] });
  for (const [operation, status, seconds] of requests) {
    counts.inc({ operation, status: String(status) });
    durations.observe({ operation }, seconds);
    if (operation.startsWith('feed ')) feed.inc({ route: operation.slice(5), status: String(status) });
  }
  return registry;
}

/** Each metric's lines, sorted: the order of label sets is not part of the format. */
async function samples(registry: Registry): Promise<Record<string, string[]>> {
  const byName: Record<string, string[]> = {};
  for (const name of ['pepite_http_requests_total', 'pepite_http_request_duration_seconds', 'pepite_feed_responses_total']) {
    byName[name] = (await registry.getSingleMetricAsString(name)).split('\n').sort();
  }
  return byName;
}

describe('RequestTallies', () => {
  // Durations on, just under and past the bounds (0.005 is in the first bucket, as prom-client counts it).
  const requests: [string, number, number][] = [
    ['feed latest', 304, 0.00004],
    ['feed latest', 304, 0.005],
    ['feed latest', 200, 0.0051],
    ['feed version', 200, 0.3],
    ['query me', 200, 0.01],
    ['query me', 200, 2.5],
    ['query me', 400, 11],
    ['GET /api/desktop/status', 200, 0.02],
  ];

  it('writes out exactly what prom-client’s counters and histogram write for the same requests', async () => {
    const registry = new Registry();
    const tallies = new RequestTallies(registry);
    for (const [operation, status, seconds] of requests) tallies.of(operation, status).add(seconds);
    expect(await samples(registry)).toEqual(await samples(reference(requests)));
  });

  it('gives the totals since start at every scrape, including requests counted between two scrapes', async () => {
    const registry = new Registry();
    const tallies = new RequestTallies(registry);
    tallies.of('feed latest', 304).add(0.001);
    await registry.metrics();
    tallies.of('feed latest', 304).add(0.001);
    const text = await registry.metrics();
    expect(text).toContain('pepite_feed_responses_total{route="latest",status="304"} 2');
    expect(text).toContain('pepite_http_request_duration_seconds_count{operation="feed latest"} 2');
  });
});
