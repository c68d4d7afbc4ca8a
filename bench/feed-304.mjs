// feed-304: the desktops' "anything new?" poll (If-None-Match with the current ETag),
// against a bare node:http server answering the same 304; signed in (the default) and public.
import { expectStatus, get } from './setup.mjs';

export default {
  name: 'feed-304',
  title: 'GET /releases/latest, If-None-Match → 304, signed in and public',
  target: { min: 0.9, text: '≥ 0.9× req/s of a bare node:http server answering 304, in both feed modes' },
  async run(bench) {
    await bench.rulebook();
    const modes = await bench.feedModes(async ({ mode, baseUrl, auth }) => {
      const latest = await get(`${baseUrl}/api/rulebook/releases/latest`, { ...auth, 'accept-encoding': 'br' });
      expectStatus(latest, 200, `releases/latest (${mode})`);
      const measured = await bench.againstBareCopy({
        label: `GET /api/rulebook/releases/latest, If-None-Match → 304 (${mode})`,
        baseUrl,
        path: '/api/rulebook/releases/latest',
        headers: { ...auth, 'accept-encoding': 'br, gzip', 'if-none-match': latest.headers.etag },
        expect: 304,
      });
      return { ratio: measured.ratio, api: measured.candidate, bare: measured.baseline, ratioPerRound: measured.ratioPerRound, ratioOfTotals: measured.ratioOfTotals, clients: measured.clients };
    });
    const line = (m) => `${m.ratio}× (${m.api.requestsPerSecond} vs ${m.bare.requestsPerSecond} req/s)`;
    return {
      ratio: modes.ratio,
      summary: `signed in ${line(modes.signedIn)}, public ${line(modes.public)}`,
      figures: { signedIn: modes.signedIn, public: modes.public },
    };
  },
};
