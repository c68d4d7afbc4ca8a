// feed-latest: a full download of the latest snapshot (identity), against a bare node:http
// server sending the same bytes from memory.
export default {
  name: 'feed-latest',
  title: 'GET /releases/latest → 200 (identity)',
  target: { min: 0.8, text: '≥ 0.8× req/s of a bare node:http server sending the same bytes' },
  async run(bench) {
    await bench.rulebook();
    const measured = await bench.againstBareCopy({
      label: 'GET /api/rulebook/releases/latest → 200',
      path: '/api/rulebook/releases/latest',
      headers: { 'accept-encoding': 'identity' },
      expect: 200,
    });
    return {
      ratio: measured.ratio,
      summary: `${measured.candidate.requestsPerSecond} vs ${measured.baseline.requestsPerSecond} req/s, ${measured.sample.body.length.toLocaleString('en-US')} B`,
      figures: { bytes: measured.sample.body.length, api: measured.candidate, bare: measured.baseline, ratioPerRound: measured.ratioPerRound, ratioOfTotals: measured.ratioOfTotals, clients: measured.clients },
    };
  },
};
