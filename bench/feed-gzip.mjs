// feed-gzip: the latest snapshot compressed (gzip, then br), against a bare node:http server
// sending the same compressed bytes. The bytes must be those stored at publication: the
// same on every request and equal to the release row's columns (nothing compressed on a read).
// Signed in (the default) and public.
import { expectStatus, get, ratio, rulebook } from './setup.mjs';

const ENCODINGS = [
  { encoding: 'gzip', column: 'snapshot_gzip' },
  { encoding: 'br', column: 'snapshot_brotli' },
];

export default {
  name: 'feed-gzip',
  title: 'GET /releases/latest → 200 gzip and br, signed in and public',
  target: {
    min: 0.8,
    text: 'stored at publication; ≥ 0.8× req/s of a bare server sending the same compressed bytes, in both feed modes',
  },
  async run(bench) {
    await bench.rulebook();
    // The latest release may come from another benchmark's publication: its brotli body first.
    await bench.brotliJob(bench.app.get(rulebook.ReleaseCatalog).latestVersion);
    const modes = await bench.feedModes(({ mode, baseUrl, auth }) => measureEncodings(bench, mode, baseUrl, auth));
    const line = (m) => ENCODINGS.map(({ encoding }) => `${encoding} ${m[encoding].ratio}×`).join(', ');
    return {
      ratio: modes.ratio,
      summary: `signed in ${line(modes.signedIn)}; public ${line(modes.public)} (the lowest counts)`,
      figures: { signedIn: modes.signedIn, public: modes.public },
    };
  },
};

async function measureEncodings(bench, mode, baseUrl, auth) {
  const figures = {};
  for (const { encoding, column } of ENCODINGS) {
    const path = '/api/rulebook/releases/latest';
    const first = await get(`${baseUrl}${path}`, { ...auth, 'accept-encoding': encoding });
    const second = await get(`${baseUrl}${path}`, { ...auth, 'accept-encoding': encoding });
    expectStatus(first, 200, `latest (${encoding})`);
    if (first.headers['content-encoding'] !== encoding)
      throw new Error(`asked for ${encoding}, got ${first.headers['content-encoding']}`);
    const version = Number(first.headers['x-rulebook-version']);
    const [stored] = await bench.dataSource.query(`SELECT ${column} AS bytes FROM release WHERE version = $1`, [
      version,
    ]);
    if (!first.body.equals(second.body) || !first.body.equals(stored.bytes)) {
      throw new Error(`${encoding}: the feed did not send the bytes stored at publication`);
    }
    const measured = await bench.againstBareCopy({
      label: `GET /api/rulebook/releases/latest → 200 ${encoding} (${mode})`,
      baseUrl,
      path,
      headers: { ...auth, 'accept-encoding': encoding },
      expect: 200,
    });
    figures[encoding] = {
      bytes: first.body.length,
      storedAtPublication: true,
      api: measured.candidate,
      bare: measured.baseline,
      ratio: measured.ratio,
      ratioPerRound: measured.ratioPerRound,
      ratioOfTotals: measured.ratioOfTotals,
      clients: measured.clients,
    };
  }
  return { ...figures, ratio: ratio(Math.min(...ENCODINGS.map(({ encoding }) => figures[encoding].ratio)), 1) };
}
