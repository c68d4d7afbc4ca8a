// sse-fanout-10k: 10,000 SSE clients on one instance, one publication: every client must
// receive it, p99 within 2× a bare broadcast to 10,000, and the process's resident memory
// with them connected within 2× idle. Needs an open-file limit above 20,000 (two ends of
// 10,000 sockets live on this machine): `ulimit -n 20000` before `npm run bench`.
import { fanoutBenchmark } from './sse-fanout.mjs';

export default fanoutBenchmark({ name: 'sse-fanout-10k', clients: (smoke) => (smoke ? 100 : 10_000), rss: true, ruleIndex: 2 });
