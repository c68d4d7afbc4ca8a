// publish-scale: publishing one changed rule on the generated rulebook, against the work no
// publication can avoid: canonicalising, hashing and signing the same snapshot in memory.
// The breakdown (each stage timed alone, in memory, on the same bytes) is the profile that
// says where the rest of the time goes.
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { amendRule } from './rulebook-generator.mjs';
import { median, ratio, round, rulebook, rulebookFormat } from './setup.mjs';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function timed(work) {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export default {
  name: 'publish-scale',
  title: 'publish one changed rule',
  target: { max: 2, text: '≤ 2× the time to canonicalise + hash + sign the same snapshot in memory' },
  async run(bench) {
    const { rules, publisher } = await bench.rulebook();
    const catalog = bench.app.get(rulebook.ReleaseCatalog);
    const publishMs = [];
    const inMemoryMs = [];
    const stages = { loadRulesInForce: [], canonicalJson: [], sha256AndSign: [], gzip9: [], brotli: [] };
    let bytes = 0;
    for (let run = 0; run < bench.sizes.publishRuns; run += 1) {
      const rule = amendRule(rules[(run * 7919) % rules.length]);
      const published = await timed(() => publisher.publish({ changes: [{ kind: 'AMEND', rule }], notes: `Banc d’essai : publication ${run + 1}` }));
      publishMs.push(published.ms);
      const release = published.value;
      // The same snapshot, rebuilt in memory from the rules in force (loaded outside the timing).
      const loaded = await timed(() => catalog.rules(release.version));
      stages.loadRulesInForce.push(loaded.ms);
      const header = { version: release.version, publishedAt: release.publishedAt.toISOString(), notes: release.notes, changelog: release.changelog };
      const canonical = await timed(() => Buffer.from(rulebookFormat.canonicalJson(rulebookFormat.toSnapshot(header, loaded.value)), 'utf8'));
      const sealed = await timed(() => rulebook.sealRelease(canonical.value, bench.signingKey));
      if (sealed.value.sha256 !== release.sha256) throw new Error('the in-memory snapshot differs from the published one');
      inMemoryMs.push(canonical.ms + sealed.ms);
      stages.canonicalJson.push(canonical.ms);
      stages.sha256AndSign.push(sealed.ms);
      bytes = canonical.value.length;
      stages.gzip9.push((await timed(() => gzipAsync(canonical.value, { level: 9 }))).ms);
      stages.brotli.push(
        (
          await timed(() =>
            brotliAsync(canonical.value, {
              params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: bytes > 1_000_000 ? 9 : 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes },
            }),
          )
        ).ms,
      );
    }
    const publish = median(publishMs);
    const inMemory = median(inMemoryMs);
    return {
      ratio: ratio(publish, inMemory),
      summary: `${round(publish, 0)} ms vs ${round(inMemory, 0)} ms in memory (median of ${publishMs.length})`,
      figures: {
        rules: rules.length,
        snapshotBytes: bytes,
        publishMs: { median: round(publish), runs: publishMs.map((ms) => round(ms)) },
        canonicaliseHashSignMs: { median: round(inMemory), runs: inMemoryMs.map((ms) => round(ms)) },
        // Each stage alone, in memory, on the same snapshot: where a publication's time goes.
        stagesMedianMs: Object.fromEntries(Object.entries(stages).map(([stage, runs]) => [stage, round(median(runs))])),
      },
    };
  },
};
