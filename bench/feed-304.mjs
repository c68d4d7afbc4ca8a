// feed-304: the desktops' "anything new?" poll (If-None-Match with the current ETag),
// against a bare node:http server answering the same 304.
import { expectStatus, get } from './setup.mjs';

export default {
  name: 'feed-304',
  title: 'GET /releases/latest, If-None-Match → 304',
  target: { min: 0.9, text: '≥ 0.9× req/s of a bare node:http server answering 304' },
  async run(bench) {
    await bench.rulebook();
    const latest = await get(`${bench.baseUrl}/api/rulebook/releases/latest`, { 'accept-encoding': 'br' });
    expectStatus(latest, 200, 'releases/latest');
    const measured = await bench.againstBareCopy({
      label: 'GET /api/rulebook/releases/latest, If-None-Match → 304',
      path: '/api/rulebook/releases/latest',
      headers: { 'accept-encoding': 'br, gzip', 'if-none-match': latest.headers.etag },
      expect: 304,
    });
    return {
      ratio: measured.ratio,
      summary: `${measured.candidate.requestsPerSecond} vs ${measured.baseline.requestsPerSecond} req/s`,
      figures: { api: measured.candidate, bare: measured.baseline, ratioPerRound: measured.ratioPerRound, ratioOfTotals: measured.ratioOfTotals, clients: measured.clients },
    };
  },
};
