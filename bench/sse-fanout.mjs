// sse-fanout: SSE clients connected to /api/rulebook/events, one publication; every client
// must receive the release event. Delivery latency runs from the moment the event exists in
// the API's process (the hub emits it, after the commit) to the moment the client process
// reads it; the baseline is a bare node:http server writing the same frame to as many
// clients, timed from the start of its loop. Both clocks are the machine's monotonic clock.
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { amendRule } from './rulebook-generator.mjs';
import { bareServer, median, percentile, ratio, round, rulebook } from './setup.mjs';

const EXPECT = 'event: release';

const GC_KINDS = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };

/** Garbage collections of this (the API's) process, to tell a slow fan-out from a GC pause. */
function watchGc() {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    /** The collections that overlapped [from, from + ms] (performance.now() times). */
    during(from, ms) {
      observer.disconnect();
      const overlapping = entries.filter((entry) => entry.startTime + entry.duration >= from && entry.startTime <= from + ms);
      return {
        count: overlapping.length,
        pauseMs: round(overlapping.reduce((sum, entry) => sum + entry.duration, 0), 1),
        kinds: [...new Set(overlapping.map((entry) => GC_KINDS[entry.detail?.kind] ?? String(entry.detail?.kind)))],
      };
    },
  };
}

function latencies(receivedAt, sentAt, what) {
  const missing = receivedAt.filter((at) => at === null).length;
  if (missing > 0) throw new Error(`${what}: ${missing} of ${receivedAt.length} clients never received the event`);
  const ms = receivedAt.map((at) => Number(at - sentAt) / 1e6);
  return { clients: ms.length, p50: round(percentile(ms, 50), 2), p99: round(percentile(ms, 99), 2), max: round(percentile(ms, 100), 2) };
}

/** The same frame to the same number of clients, from a bare node:http server. */
async function bareBroadcast(bench, frame) {
  const clients = new Set();
  const bare = await bareServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' });
    response.write('retry: 3000\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
  });
  try {
    await bench.sseOpen(`${bare.url}/events`, bench.sizes.sseClients, EXPECT);
    const gc = watchGc();
    const sentAtMs = performance.now();
    const sentAt = process.hrtime.bigint();
    for (const response of clients) response.write(frame);
    const result = latencies(await bench.sseCollect(), sentAt, 'bare broadcast');
    await bench.sseClose();
    return { ...result, gc: gc.during(sentAtMs, result.max) };
  } finally {
    await bare.close();
  }
}

/** One publication to SSE clients of the API; latencies from the hub emitting the event. */
async function apiBroadcast(bench, rule, index) {
  const hub = bench.app.get(rulebook.RulebookEventHub);
  // Subscribed before any client: the hub calls this first, when the event is born.
  let emitted = null;
  const subscription = hub.events$.subscribe((event) => {
    if (event.kind === 'release' && emitted === null) emitted = { atMs: performance.now(), at: process.hrtime.bigint(), frame: event.frame };
  });
  const gc = watchGc();
  try {
    await bench.sseOpen(`${bench.baseUrl}/api/rulebook/events`, bench.sizes.sseClients, EXPECT);
    const { publisher } = await bench.rulebook();
    await publisher.publish({ changes: [{ kind: 'AMEND', rule }], notes: `Banc d’essai : diffusion ${index + 1}` });
    const received = await bench.sseCollect();
    if (emitted === null) throw new Error('the hub never emitted the release');
    const result = latencies(received, emitted.at, 'API');
    await bench.sseClose();
    return { ...result, gc: gc.during(emitted.atMs, result.max), frame: emitted.frame };
  } finally {
    subscription.unsubscribe();
  }
}

export default {
  name: 'sse-fanout',
  title: 'SSE: one publication to every connected client',
  target: { max: 2, text: 'all receive it; p99 delivery latency ≤ 2× a bare node:http SSE broadcast' },
  async run(bench) {
    const { rules } = await bench.rulebook();
    // A single broadcast is one sample of a noisy machine: a few, alternating, and the medians.
    const rounds = bench.smoke ? 1 : 3;
    const api = [];
    const bare = [];
    let rule = rules[1];
    for (let index = 0; index < rounds; index += 1) {
      rule = amendRule(rule);
      api.push(await apiBroadcast(bench, rule, index));
      bare.push(await bareBroadcast(bench, api[index].frame));
    }
    const p99 = (runs) => median(runs.map((run) => run.p99));
    return {
      ratio: ratio(p99(api), p99(bare)),
      summary: `all ${bench.sizes.sseClients} received, ${rounds}×; median p99 ${round(p99(api), 1)} ms vs ${round(p99(bare), 1)} ms bare`,
      figures: { clients: bench.sizes.sseClients, frameBytes: Buffer.byteLength(api[0].frame), apiMs: api.map((run) => ({ ...run, frame: undefined })), bareMs: bare },
    };
  },
};
