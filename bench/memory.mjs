// memory: the API's resident memory with SSE clients connected, against the same process idle
// (after the rulebook is loaded and served once, so that its caches are full). The API runs
// in the bench process, so both figures include the bench's own few megabytes.
import { ratio, round, settledMemory } from './setup.mjs';

export default {
  name: 'memory',
  title: 'API resident memory with SSE clients connected',
  target: { max: 2, text: '≤ 2× its idle resident memory' },
  async run(bench) {
    await bench.rulebook();
    // Signed in before the idle figure: logging in (GraphQL, password hashing) is not the clients' cost.
    const auth = await bench.feedAuth();
    const idle = await settledMemory();
    await bench.sseOpen(`${bench.baseUrl}/api/rulebook/events`, bench.sizes.sseClients, 'event: release', auth);
    const connected = await settledMemory();
    await bench.sseClose();
    return {
      ratio: ratio(connected.rssMiB, idle.rssMiB),
      summary: `${connected.rssMiB} MiB with ${bench.sizes.sseClients} clients vs ${idle.rssMiB} MiB idle`,
      figures: {
        clients: bench.sizes.sseClients,
        idle,
        connected,
        kibPerClient: round(((connected.rssMiB - idle.rssMiB) * 1024) / bench.sizes.sseClients),
      },
    };
  },
};
