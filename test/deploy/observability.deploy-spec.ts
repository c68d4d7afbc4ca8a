import { createServer, type Server } from 'node:http';
import { freePort } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { publishSampleRules } from '../support/proposal-graphql';
import { ApiProcess, sharedSecrets } from './support/api-process';
import { waitUntil } from './support/wait';

/**
 * Metrics and traces of a real `node dist/apps/api/src/main.js`: /metrics scraped on its own
 * port (Prometheus text, not on the API's port), and the OpenTelemetry spans it exports over
 * OTLP (http/json) read by a receiver standing in for the collector.
 */

interface OtlpSpan {
  readonly traceId: string;
  readonly name: string;
  readonly kind: number;
}
interface OtlpExport {
  readonly resourceSpans: { scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
}

/** An OTLP/HTTP trace receiver: keeps every span with the instrumentation scope that made it. */
class TraceReceiver {
  readonly spans: (OtlpSpan & { scope: string })[] = [];
  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(): Promise<TraceReceiver> {
    const port = await freePort();
    const receiver: TraceReceiver = new TraceReceiver(
      createServer((request, response) => {
        let body = '';
        request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        request.on('end', () => {
          if (request.url === '/v1/traces') {
            const parsed = JSON.parse(body) as OtlpExport;
            for (const resource of parsed.resourceSpans) {
              for (const scope of resource.scopeSpans) for (const span of scope.spans) receiver.spans.push({ ...span, scope: scope.scope.name });
            }
          }
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      }),
      port,
    );
    await new Promise<void>((resolve) => receiver.server.listen(port, '127.0.0.1', resolve));
    return receiver;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** One sample's value in Prometheus's text format, by metric name and exact labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=[a-z_]+=")/).filter(Boolean);
    if (wanted.every((label) => present.includes(label)) && present.length === wanted.length) return Number(match[3]);
  }
  return undefined;
}

describe('operations: Prometheus metrics and OpenTelemetry traces of a running instance', () => {
  let setup: TestApi;
  let api: ApiProcess;
  let receiver: TraceReceiver;
  let operator: TestUser;
  let metricsPort: number;

  beforeAll(async () => {
    const secrets = sharedSecrets();
    setup = await startTestApi({ ...secrets, JOBS_ENABLED: 'false' });
    await publishSampleRules(setup, ['REFUND-001']);
    operator = await setup.world.newUser(Role.OPERATOR);
    receiver = await TraceReceiver.start();
    metricsPort = await freePort();
    api = await ApiProcess.start('api-observed', await freePort(), {
      ...secrets,
      DATABASE_URL: setup.database.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      METRICS_PORT: String(metricsPort),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Export every fifth of a second rather than every five seconds: the test waits on it.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    await receiver?.close();
    await setup?.close();
  }, 60_000);

  const graphql = (query: string, token: string) =>
    fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }).then((response) => response.json() as Promise<{ data?: unknown; errors?: unknown }>);
  const scrape = () => fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((response) => response.text());

  it('/metrics: requests per operation, feed 200/304, open streams, pool, jobs and overdue pépins; not on the API port', async () => {
    for (let i = 0; i < 3; i++) expect((await graphql('{ me { id } }', operator.token)).errors).toBeUndefined();
    const auth = { authorization: `Bearer ${operator.token}` };
    const first = await fetch(`${api.baseUrl}/api/rulebook/releases/latest`, { headers: auth });
    await first.arrayBuffer();
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${api.baseUrl}/api/rulebook/releases/latest`, { headers: { ...auth, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    // One pépin past its acknowledgement deadline on its own site.
    const site = await setup.world.newSite();
    const reporter = await setup.world.newUser(Role.OPERATOR, { site });
    const late = await setup.world.newPepin(reporter, { noRuleApplies: true });
    await sql(setup, "UPDATE pepin SET ack_due_at = now() - interval '1 hour' WHERE id = $1", [late.id]);

    const stream = new AbortController();
    const events = await fetch(`${api.baseUrl}/api/rulebook/events`, { headers: auth, signal: stream.signal });
    expect(events.status).toBe(200);
    let text: string;
    try {
      text = await scrape();
      expect(sample(text, 'pepite_sse_streams_open')).toBe(1);
    } finally {
      stream.abort();
    }
    expect(sample(text, 'pepite_http_requests_total', { operation: 'query me', status: '200' })).toBe(3);
    expect(sample(text, 'pepite_http_request_duration_seconds_count', { operation: 'query me' })).toBe(3);
    expect(sample(text, 'pepite_feed_responses_total', { route: 'latest', status: '200' })).toBe(1);
    expect(sample(text, 'pepite_feed_responses_total', { route: 'latest', status: '304' })).toBe(1);
    expect(sample(text, 'pepite_pepins_overdue', { site: site.site.id })).toBe(1);
    expect(sample(text, 'pepite_db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sample(text, 'pepite_db_pool_connections', { state: 'idle' })).toBeGreaterThan(0);
    expect(text).toContain('# TYPE pepite_jobs gauge');
    expect(text).toContain('pepite_process_cpu_seconds_total');
    // The stream's close is seen by the instance.
    await waitUntil(async () => sample(await scrape(), 'pepite_sse_streams_open') === 0, { timeoutMs: 30_000, what: () => 'the stream counted as closed' });
    // Never on the API's own (proxied, public) port.
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(404);
  }, 120_000);

  it('traces: one GraphQL request gives an HTTP server span, a GraphQL span and PostgreSQL spans in the same trace', async () => {
    receiver.spans.length = 0;
    expect((await graphql('{ me { id displayName } }', operator.token)).errors).toBeUndefined();
    const traceOf = () => {
      const byTrace = new Map<string, Set<string>>();
      for (const span of receiver.spans) byTrace.set(span.traceId, (byTrace.get(span.traceId) ?? new Set()).add(span.scope));
      return [...byTrace.values()].find((scopes) =>
        ['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-graphql', '@opentelemetry/instrumentation-pg'].every((scope) => scopes.has(scope)),
      );
    };
    await waitUntil(() => traceOf() !== undefined, {
      timeoutMs: 60_000,
      what: () => `a trace with http, graphql and pg spans (scopes seen: ${[...new Set(receiver.spans.map((span) => span.scope))].join(', ')})`,
    });
    const names = receiver.spans.map((span) => span.name);
    expect(names.some((name) => name.startsWith('POST'))).toBe(true);
    expect(names.some((name) => /query/i.test(name))).toBe(true);
  }, 120_000);
});
