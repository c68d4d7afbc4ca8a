// The load generator: a separate process (forked by bench/setup.mjs), so that the clients
// never share the CPU time of the event loop they measure. It speaks to the parent over IPC.
//
// Three modes:
// - `http`: `clients` keep-alive connections, each sending one GET at a time and reading the
//   whole response before the next one (no pipelining). Raw `node:net` sockets with a
//   minimal HTTP/1.1 response reader, like autocannon: bodies are counted, never copied or
//   decompressed, so the client costs as little as possible and the same for every server.
//   Only responses completed inside the measurement window (after a warm-up) count.
// - `sse`: `clients` Server-Sent Events connections. Once all are open it says `connected`;
//   it then records, per connection, when the first frame containing `expect` arrived
//   (process.hrtime, the machine's monotonic clock, which the parent reads too).
// - `posts`: a list of POSTs sent once each with bounded concurrency (a storm of desktop
//   status reports), with when the first and the last ended.
// - `sink`: an HTTP server that reads each request and answers 200 with a small JSON body:
//   where a storm goes when only what sending and receiving it costs the machine is measured.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const HEADER_END = Buffer.from('\r\n\r\n');

/** Parses one response head; only what a load generator needs. */
function parseHead(head) {
  const text = head.toString('latin1');
  const status = Number(text.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(text)) throw new Error('chunked responses are not supported by the load client');
  const bodyless = status === 304 || status === 204 || (status >= 100 && status < 200);
  return { status, remaining: bodyless ? 0 : length ? Number(length[1]) : 0 };
}

/** One keep-alive connection that sends `request` again as soon as the previous answer has ended. */
function connection(target, request, onResponse, isOver) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    let head = Buffer.alloc(0);
    let state = null; // null while reading a head, then { status, remaining, bytes }
    let sentAt = 0;
    const send = () => {
      if (isOver()) {
        socket.end();
        return;
      }
      sentAt = performance.now();
      socket.write(request);
    };
    const finish = () => {
      onResponse({ status: state.status, bytes: state.bytes, sentAt, doneAt: performance.now() });
      state = null;
      send();
    };
    socket.on('connect', send);
    socket.on('data', (chunk) => {
      let data = chunk;
      while (data.length > 0) {
        if (state === null) {
          head = head.length === 0 ? data : Buffer.concat([head, data]);
          const end = head.indexOf(HEADER_END);
          if (end < 0) return;
          state = { ...parseHead(head.subarray(0, end)), bytes: 0 };
          data = head.subarray(end + 4);
          head = Buffer.alloc(0);
          if (state.remaining === 0) finish();
          continue;
        }
        const taken = Math.min(state.remaining, data.length);
        state.remaining -= taken;
        state.bytes += taken;
        data = data.subarray(taken);
        if (state.remaining === 0) finish();
      }
    });
    socket.on('error', (error) => {
      onResponse({ error: error.code ?? error.message });
      resolve();
    });
    socket.on('close', resolve);
  });
}

async function httpLoad({ url, headers, clients, warmupMs, measureMs }) {
  const target = new URL(url);
  const lines = [`GET ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`, 'Connection: keep-alive'];
  for (const [name, value] of Object.entries(headers ?? {})) lines.push(`${name}: ${value}`);
  const request = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const measureTo = measureFrom + measureMs;
  const latencies = [];
  const statuses = {};
  const errors = {};
  let bytes = 0;
  const onResponse = (outcome) => {
    if (outcome.error) {
      errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
      return;
    }
    if (outcome.doneAt < measureFrom || outcome.doneAt > measureTo) return;
    statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    bytes += outcome.bytes;
    latencies.push(outcome.doneAt - outcome.sentAt);
  };
  await Promise.all(Array.from({ length: clients }, () => connection(target, request, onResponse, () => performance.now() >= measureTo)));
  const sorted = Float64Array.from(latencies).sort();
  return {
    responses: sorted.length,
    requestsPerSecond: sorted.length / (measureMs / 1000),
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
    bytesPerResponse: sorted.length === 0 ? 0 : Math.round(bytes / sorted.length),
    statuses,
    errors,
  };
}

/** Nearest rank: an observed value, never an interpolation. */
function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * How many SSE connections are being opened at once. A floor of desktops does not connect
 * in the same millisecond (the SDK spreads its reconnections), and the API's backlog
 * (4096) takes bursts larger than this; without a bound, 10,000 connects at once would
 * measure the kernel's SYN retransmissions instead of the fan-out.
 */
const SSE_OPENING_AT_ONCE = 500;

/** Opens the SSE connections; resolves with a function that waits for the expected frame on all. */
async function sseClients({ url, clients, expect, headers }) {
  const target = new URL(url);
  const lines = [`GET ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`, 'Accept: text/event-stream'];
  for (const [name, value] of Object.entries(headers ?? {})) lines.push(`${name}: ${value}`);
  const request = `${lines.join('\r\n')}\r\n\r\n`;
  const received = new Array(clients).fill(null);
  const sockets = [];
  let waiting = null;
  let pending = clients;
  const open = (index) =>
    new Promise((resolve, reject) => {
      const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
      sockets.push(socket);
      let text = '';
      let open = false;
      socket.setEncoding('utf8');
      socket.on('connect', () => socket.write(request));
      socket.on('data', (chunk) => {
        text += chunk;
        if (!open) {
          const end = text.indexOf('\r\n\r\n');
          if (end < 0) return;
          if (!text.startsWith('HTTP/1.1 200')) return reject(new Error(`SSE: ${text.slice(0, text.indexOf('\r\n'))}: ${text.slice(end + 4, end + 404)}`));
          // Open once the head and the first frame (the server's `retry:`) have arrived.
          if (text.indexOf('\n\n', end + 4) < 0) return;
          open = true;
          text = text.slice(text.indexOf('\n\n', end + 4) + 2);
          resolve();
        }
        if (received[index] === null && text.includes(expect)) {
          received[index] = process.hrtime.bigint();
          text = '';
          pending -= 1;
          if (pending === 0) waiting?.();
        } else if (text.length > 1 << 16) {
          text = text.slice(-expect.length);
        }
      });
      socket.on('error', (error) => reject(Object.assign(error, { index })));
      socket.on('close', () => reject(new Error(`SSE: connection ${index} closed before its stream opened`)));
    });
  // Every connection is tried; a failure names how many failed and why, not only the first.
  const failures = {};
  let next = 0;
  const opener = async () => {
    while (next < clients) {
      const index = next++;
      await open(index).catch((error) => {
        const key = error.code ?? error.message;
        failures[key] = (failures[key] ?? 0) + 1;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, SSE_OPENING_AT_ONCE) }, opener));
  if (Object.keys(failures).length > 0) {
    for (const socket of sockets) socket.destroy();
    throw new Error(`SSE: ${Object.values(failures).reduce((a, b) => a + b, 0)} of ${clients} connections failed to open: ${JSON.stringify(failures)}`);
  }
  return {
    /** Receipt times (ns, as strings), null for a client that never got it within `timeoutMs`. */
    async collect(timeoutMs) {
      if (pending > 0) {
        await new Promise((resolve) => {
          waiting = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
      }
      return received.map((at) => (at === null ? null : String(at)));
    },
    close() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

/**
 * One keep-alive connection for requests sent one at a time, each with its own bytes: resolves
 * each with its status and body. Raw, like `connection`: on a 2-CPU machine the storm's own
 * client shares the CPUs with the API it measures, and undici's `fetch` cost several times a
 * raw request per POST.
 */
function rawClient(target) {
  const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
  const connected = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let pending = null; // { resolve, reject }
  let head = Buffer.alloc(0);
  let state = null; // null while reading a head, then { status, remaining, chunks }
  socket.on('data', (chunk) => {
    let data = chunk;
    while (data.length > 0 && pending) {
      if (state === null) {
        head = head.length === 0 ? data : Buffer.concat([head, data]);
        const end = head.indexOf(HEADER_END);
        if (end < 0) return;
        state = { ...parseHead(head.subarray(0, end)), chunks: [] };
        data = head.subarray(end + 4);
        head = Buffer.alloc(0);
      }
      const taken = Math.min(state.remaining, data.length);
      state.chunks.push(data.subarray(0, taken));
      state.remaining -= taken;
      data = data.subarray(taken);
      if (state.remaining === 0) {
        const { resolve } = pending;
        const answer = { status: state.status, body: Buffer.concat(state.chunks).toString('utf8') };
        pending = null;
        state = null;
        resolve(answer);
      }
    }
  });
  const fail = (error) => {
    const waiting = pending;
    pending = null;
    waiting?.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed')));
  return {
    async send(bytes) {
      await connected;
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(bytes);
      });
    },
    close: () => socket.end(),
  };
}

/**
 * `posts`: sends each of `requests` (headers and a JSON body) once, as POSTs to `url`, over
 * `clients` keep-alive connections, one request at a time each; every answer must be HTTP
 * 200 without GraphQL errors. When each ended is given as wall-clock ms since the epoch (the
 * parent compares it with a publication's time).
 */
async function posts({ url, requests, clients, spreadMs = 0 }) {
  const target = new URL(url);
  const statuses = {};
  const errors = {};
  let next = 0;
  let firstDoneAt = null;
  let lastDoneAt = null;
  const begin = Date.now();
  const bytesOf = ({ headers, body }) => {
    const payload = Buffer.from(body, 'utf8');
    const lines = [`POST ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`, 'Connection: keep-alive', 'Content-Type: application/json', `Content-Length: ${payload.length}`];
    for (const [name, value] of Object.entries(headers ?? {})) lines.push(`${name}: ${value}`);
    return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
  };
  const worker = async () => {
    let client = rawClient(target);
    while (next < requests.length) {
      const index = next++;
      // Spread: request i leaves no earlier than its slot, as desktops each wait their own delay.
      const slot = begin + (spreadMs * index) / requests.length;
      if (slot > Date.now()) await new Promise((resolve) => setTimeout(resolve, slot - Date.now()));
      try {
        const answer = await client.send(bytesOf(requests[index]));
        const parsed = answer.body ? JSON.parse(answer.body) : null;
        const key = parsed?.errors?.length ? `graphql ${parsed.errors[0]?.extensions?.code}` : String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
      } catch (error) {
        const key = error?.code ?? error?.message ?? String(error);
        errors[key] = (errors[key] ?? 0) + 1;
        client.close();
        client = rawClient(target);
      }
      const now = Date.now();
      firstDoneAt ??= now;
      lastDoneAt = now;
    }
    client.close();
  };
  const startedAt = Date.now();
  await Promise.all(Array.from({ length: clients }, worker));
  return { startedAt, firstDoneAt, lastDoneAt, statuses, errors };
}

function sink() {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': 2 });
      response.end('{}');
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

let sse = null;
process.on('message', async (message) => {
  try {
    if (message.kind === 'http') {
      process.send({ kind: 'result', result: await httpLoad(message) });
    } else if (message.kind === 'posts') {
      process.send({ kind: 'posted', result: await posts(message) });
    } else if (message.kind === 'sink') {
      process.send({ kind: 'sinking', port: await sink() });
    } else if (message.kind === 'sse-open') {
      sse = await sseClients(message);
      process.send({ kind: 'connected' });
    } else if (message.kind === 'sse-collect') {
      const received = await sse.collect(message.timeoutMs);
      process.send({ kind: 'received', received });
    } else if (message.kind === 'sse-close') {
      sse?.close();
      sse = null;
      process.send({ kind: 'closed' });
    } else if (message.kind === 'exit') {
      process.exit(0);
    }
  } catch (error) {
    process.send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
process.send({ kind: 'ready' });
