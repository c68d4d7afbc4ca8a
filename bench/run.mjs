// `npm run bench [-- <name>…]`: the performance targets of issue 8, each measured side by side
// with its baseline in the same run, on the same machine, with the same load generator.
// `npm run bench:smoke` runs every benchmark with tiny sizes and checks no target (CI).
//
// Every figure is a ratio to a baseline: absolute numbers on a shared machine mean little.
// The run fails when a benchmark cannot run or the API answers something unexpected (fast
// wrong answers are not results); a missed target is reported, and fails only with --strict.
// Results: bench/results/<name>.json (what each number means: bench/README.md).
import feed304 from './feed-304.mjs';
import feedDelta from './feed-delta.mjs';
import feedGzip from './feed-gzip.mjs';
import feedLatest from './feed-latest.mjs';
import memory from './memory.mjs';
import publishScale from './publish-scale.mjs';
import { createBench, machine, round, say, SIZES, SMOKE, writeResult } from './setup.mjs';
import similarGrowth from './similar-growth.mjs';
import similarRecall from './similar-recall.mjs';
import sseFanout from './sse-fanout.mjs';
import sseFanout10k from './sse-fanout-10k.mjs';
import statusStorm from './status-storm.mjs';
import triageSql from './triage-sql.mjs';

/** In running order: the feed first (small tables), the big pépin table last. */
// Memory first: its idle figure is then the API's, not the allocator's leftovers from the
// large snapshots the feed benchmarks send.
const BENCHMARKS = [memory, feedLatest, feed304, feedGzip, feedDelta, publishScale, sseFanout, sseFanout10k, statusStorm, triageSql, similarGrowth, similarRecall];

const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  say(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}`);
  process.exit(2);
}
const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((benchmark) => names.includes(benchmark.name));
const strict = process.argv.includes('--strict');

function verdict(target, value) {
  if (SMOKE) return null;
  if (target.min !== undefined) return value >= target.min;
  return value <= target.max;
}

async function main() {
  const started = Date.now();
  say(`${SMOKE ? 'smoke run (tiny sizes, no targets)' : 'full run'}: ${selected.map((benchmark) => benchmark.name).join(', ')}`);
  const bench = await createBench();
  process.once('SIGINT', () => {
    say('interrupted: cleaning up');
    void bench.cleanUp().finally(() => process.exit(130));
  });
  const rows = [];
  try {
    for (const benchmark of selected) {
      const startedAt = new Date();
      say(`— ${benchmark.name}: ${benchmark.title}`);
      const loadBefore = machine().loadAverage1m;
      const outcome = await benchmark.run(bench);
      const holds = verdict(benchmark.target, outcome.ratio);
      const result = {
        benchmark: benchmark.name,
        title: benchmark.title,
        mode: SMOKE ? 'smoke' : 'full',
        timestamp: startedAt.toISOString(),
        durationSeconds: round((Date.now() - startedAt.getTime()) / 1000),
        target: benchmark.target,
        ratio: outcome.ratio,
        holds,
        summary: outcome.summary,
        figures: outcome.figures,
        // Other work on the machine shows in the load average first: compare it with the CPUs.
        machine: { ...machine(), loadAverage1mBefore: loadBefore },
        database: bench.database,
        sizes: SIZES,
      };
      const file = await writeResult(result);
      say(`${benchmark.name}: ${outcome.summary} → ${outcome.ratio} (${holds === null ? 'no target in smoke mode' : holds ? 'holds' : 'MISSED'}); ${file}`);
      rows.push(result);
    }
  } finally {
    await bench.cleanUp();
  }
  printTable(rows, Math.round((Date.now() - started) / 1000));
  if (strict && rows.some((row) => row.holds === false)) process.exitCode = 1;
}

function printTable(rows, seconds) {
  const m = machine();
  const lines = [
    '',
    `Pépite benchmarks (${SMOKE ? 'smoke: tiny sizes, no targets' : 'full'}), ${seconds} s: node ${m.node}, ${m.cpus} × ${m.cpuModel}, load ${m.loadAverage1m}`,
    '',
    `${'benchmark'.padEnd(16)}${'result'.padStart(9)}  ${'target'.padEnd(8)}${'holds'.padEnd(7)}figures`,
    ...rows.map((row) => {
      const target = row.target.min !== undefined ? `≥ ${row.target.min}` : `≤ ${row.target.max}`;
      const holds = row.holds === null ? '-' : row.holds ? 'yes' : 'NO';
      return `${row.benchmark.padEnd(16)}${String(row.ratio).padStart(9)}  ${target.padEnd(8)}${holds.padEnd(7)}${row.summary}`;
    }),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  await main();
} catch (error) {
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
