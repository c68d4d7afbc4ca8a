// feed-latest: a full download of the latest snapshot (identity), against a bare node:http
// server sending the same bytes from memory; signed in (the default) and public.
export default {
  name: 'feed-latest',
  title: 'GET /releases/latest → 200 (identity), signed in and public',
  target: { min: 0.8, text: '≥ 0.8× req/s of a bare node:http server sending the same bytes, in both feed modes' },
  async run(bench) {
    await bench.rulebook();
    const modes = await bench.feedModes(async ({ mode, baseUrl, auth }) => {
      const measured = await bench.againstBareCopy({
        label: `GET /api/rulebook/releases/latest → 200 (${mode})`,
        baseUrl,
        path: '/api/rulebook/releases/latest',
        headers: { ...auth, 'accept-encoding': 'identity' },
        expect: 200,
      });
      return { ratio: measured.ratio, bytes: measured.sample.body.length, api: measured.candidate, bare: measured.baseline, ratioPerRound: measured.ratioPerRound, ratioOfTotals: measured.ratioOfTotals, clients: measured.clients };
    });
    const line = (m) => `${m.ratio}× (${m.api.requestsPerSecond} vs ${m.bare.requestsPerSecond} req/s)`;
    return {
      ratio: modes.ratio,
      summary: `signed in ${line(modes.signedIn)}, public ${line(modes.public)}; ${modes.signedIn.bytes.toLocaleString('en-US')} B`,
      figures: { signedIn: modes.signedIn, public: modes.public },
    };
  },
};
