// One throughput scenario, run in a worker thread so that the clients do not share the
// API's event loop (they would otherwise slow down the server they are measuring).
//
// `clients` loops each send one request at a time over a keep-alive connection and read
// the body to its end. Only responses completed inside the measurement window count; the
// warm-up before it fills the connection pool, the JIT and the server's caches.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, clients, warmupMs, measureMs } = workerData;
const target = new URL(url);
// node:http rather than fetch: it hands over the bytes as sent (no transparent decompression),
// which is what the byte counts must reflect, and it costs the client less per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

function send() {
  return new Promise((resolve) => {
    const request = http.get(
      { agent, hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, headers },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode, bytes }));
        response.on('error', (error) => resolve({ error: error.message }));
      },
    );
    request.on('error', (error) => resolve({ error: error.message }));
  });
}

const start = performance.now();
const measureFrom = start + warmupMs;
const measureTo = measureFrom + measureMs;
const latencies = [];
const statuses = {};
const errors = {};
let bytes = 0;

async function client() {
  while (performance.now() < measureTo) {
    const sentAt = performance.now();
    const outcome = await send();
    const doneAt = performance.now();
    if (doneAt < measureFrom || doneAt > measureTo) continue;
    if (outcome.error) {
      errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
      continue;
    }
    statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    bytes += outcome.bytes;
    latencies.push(doneAt - sentAt);
  }
}

await Promise.all(Array.from({ length: clients }, client));
agent.destroy();

const sorted = Float64Array.from(latencies).sort();
// Nearest-rank percentile: an actual observed latency, never an interpolation.
const percentile = (p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
parentPort.postMessage({
  responses: sorted.length,
  requestsPerSecond: sorted.length / (measureMs / 1000),
  latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99), max: percentile(100) },
  bytesPerResponse: sorted.length === 0 ? 0 : Math.round(bytes / sorted.length),
  statuses,
  errors,
});
