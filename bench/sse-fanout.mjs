// sse-fanout: SSE clients connected to /api/rulebook/events, one publication; every client
// must receive the release event. Delivery latency runs from the moment the event exists in
// the API's process (the hub emits it, after the commit) to the moment the client process
// reads it; the baseline is a bare node:http server writing the same frame to as many
// clients, timed from the start of its loop. Both clocks are the machine's monotonic clock.
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { amendRule } from './rulebook-generator.mjs';
import { bareServer, median, percentile, ratio, round, rulebook, settledMemory } from './setup.mjs';

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

/**
 * CPU time of this process since `from` (all its threads: on a loaded machine the wall
 * time of a loop measures the scheduler as much as the loop).
 */
function cpuMs(from) {
  const { user, system } = process.cpuUsage(from);
  return round((user + system) / 1000, 2);
}

function latencies(receivedAt, sentAt, what) {
  const missing = receivedAt.filter((at) => at === null).length;
  if (missing > 0) throw new Error(`${what}: ${missing} of ${receivedAt.length} clients never received the event`);
  const ms = receivedAt.map((at) => Number(at - sentAt) / 1e6);
  return { clients: ms.length, p50: round(percentile(ms, 50), 2), p99: round(percentile(ms, 99), 2), max: round(percentile(ms, 100), 2) };
}

/** The same frame to the same number of clients, from a bare node:http server. */
async function bareBroadcast(bench, frame, clientCount) {
  const clients = new Set();
  const bare = await bareServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' });
    response.write('retry: 3000\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
  });
  try {
    await bench.sseOpen(`${bare.url}/events`, clientCount, EXPECT);
    const gc = watchGc();
    const sentAtMs = performance.now();
    const cpuAt = process.cpuUsage();
    const sentAt = process.hrtime.bigint();
    for (const response of clients) response.write(frame);
    const loopMs = round(Number(process.hrtime.bigint() - sentAt) / 1e6, 2);
    const loopCpuMs = cpuMs(cpuAt);
    const result = latencies(await bench.sseCollect(), sentAt, 'bare broadcast');
    await bench.sseClose();
    return { ...result, loopMs, loopCpuMs, gc: gc.during(sentAtMs, result.max) };
  } finally {
    await bare.close();
  }
}

/** One publication to SSE clients of the API; latencies from the hub emitting the event. */
async function apiBroadcast(bench, rule, index, clientCount, onConnected) {
  const hub = bench.app.get(rulebook.RulebookEventHub);
  // The streams subscribe to the hub while one is open: once the last round's have closed,
  // this subscription comes first, and the hub calls it first, when the event is born.
  const streams = bench.app.get(rulebook.LiveStreams);
  for (let waited = 0; streams.size > 0; waited += 50) {
    if (waited > 10_000) throw new Error(`${streams.size} event streams still open from the previous round`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let emitted = null;
  let loopCpuMs = null;
  const subscription = hub.events$.subscribe((event) => {
    if (event.kind === 'release' && emitted === null)
      emitted = { atMs: performance.now(), cpuAt: process.cpuUsage(), at: process.hrtime.bigint(), frame: event.frame };
  });
  const gc = watchGc();
  try {
    await bench.sseOpen(`${bench.baseUrl}/api/rulebook/events`, clientCount, EXPECT, await bench.feedAuth());
    // Subscribed after the streams: called when the hub has handed the event to all of them.
    let loopEnd = null;
    subscription.add(
      hub.events$.subscribe((event) => {
        if (event.kind === 'release' && loopEnd === null) {
          loopEnd = process.hrtime.bigint();
          loopCpuMs = cpuMs(emitted.cpuAt);
        }
      }),
    );
    const connected = index === 0 && onConnected ? await onConnected() : undefined;
    const { publisher } = await bench.rulebook();
    await publisher.publish({ changes: [{ kind: 'AMEND', rule }], notes: `Banc d’essai : diffusion ${index + 1}` });
    const received = await bench.sseCollect();
    if (emitted === null) throw new Error('the hub never emitted the release');
    const result = latencies(received, emitted.at, 'API');
    await bench.sseClose();
    const loopMs = loopEnd === null ? null : round(Number(loopEnd - emitted.at) / 1e6, 2);
    return { ...result, loopMs, loopCpuMs, gc: gc.during(emitted.atMs, result.max), frame: emitted.frame, connected };
  } finally {
    subscription.unsubscribe();
  }
}

/**
 * The fan-out at a number of clients: a few broadcasts, API and bare alternating, and the
 * medians of their p99. With `rss`, the process's resident memory idle and with every
 * client connected (after a full GC), the higher of the two ratios counting.
 */
export function fanoutBenchmark({ name, clients, rss = false, ruleIndex = 1 }) {
  return {
    name,
    title: `SSE: one publication to ${clients(false).toLocaleString('en-US')} connected clients`,
    target: { max: 2, text: rss ? 'all receive it; p99 ≤ 2× a bare node:http broadcast, and RSS ≤ 2× idle' : 'all receive it; p99 delivery latency ≤ 2× a bare node:http SSE broadcast' },
    async run(bench) {
      const clientCount = clients(bench.smoke);
      const { rules } = await bench.rulebook();
      await bench.feedAuth();
      const idle = rss ? await settledMemory() : undefined;
      // A single broadcast is one sample of a noisy machine: a few, alternating, and the medians.
      const rounds = bench.smoke ? 1 : 3;
      const api = [];
      const bare = [];
      // Each fan-out benchmark amends its own rule, so that a second one still has something to publish.
      let rule = rules[ruleIndex];
      for (let index = 0; index < rounds; index += 1) {
        rule = amendRule(rule);
        api.push(await apiBroadcast(bench, rule, index, clientCount, rss ? settledMemory : undefined));
        bare.push(await bareBroadcast(bench, api[index].frame, clientCount));
      }
      const p99 = (runs) => median(runs.map((run) => run.p99));
      const latency = ratio(p99(api), p99(bare));
      const memory = rss ? { idle, connected: api[0].connected, ratio: ratio(api[0].connected.rssMiB, idle.rssMiB) } : undefined;
      return {
        ratio: memory ? Math.max(latency, memory.ratio) : latency,
        summary:
          `all ${clientCount} received, ${rounds}×; median p99 ${round(p99(api), 1)} ms vs ${round(p99(bare), 1)} ms bare (${latency}×)` +
          (memory ? `; RSS ${memory.connected.rssMiB} MiB connected vs ${memory.idle.rssMiB} MiB idle (${memory.ratio}×)` : ''),
        figures: { clients: clientCount, p99Ratio: latency, memory, frameBytes: api[0].frame.length, apiMs: api.map((run) => ({ ...run, frame: undefined, connected: undefined })), bareMs: bare },
      };
    },
  };
}

export default fanoutBenchmark({ name: 'sse-fanout', clients: (smoke) => (smoke ? 50 : 2_000) });
