// feed-delta: what a desktop already on N-1 downloads after a one-rule change, against the
// whole snapshot of N.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { amendRule } from './rulebook-generator.mjs';
import { expectStatus, get, ratio } from './setup.mjs';

export default {
  name: 'feed-delta',
  title: 'GET /changes?since=N-1 after one amended rule',
  target: { max: 0.01, text: 'response ≤ 1 % of the snapshot’s bytes' },
  async run(bench) {
    const { rules, publisher } = await bench.rulebook();
    const amended = await publisher.publish({
      changes: [{ kind: 'AMEND', rule: amendRule(rules[Math.floor(rules.length / 2)]) }],
      notes: 'Banc d’essai : une règle modifiée',
    });
    await bench.brotliJob(amended.version);
    const since = amended.version - 1;
    const auth = await bench.feedAuth();
    const changes = await get(`${bench.baseUrl}/api/rulebook/changes?since=${since}`, { ...auth, 'accept-encoding': 'br, gzip' });
    expectStatus(changes, 200, `changes?since=${since}`);
    const decode = { br: brotliDecompressSync, gzip: gunzipSync }[changes.headers['content-encoding']] ?? ((bytes) => bytes);
    const body = JSON.parse(decode(changes.body).toString('utf8'));
    if (body.amended.length !== 1 || body.added.length !== 0 || body.retired.length !== 0) throw new Error('changes: expected exactly one amended rule');
    const snapshot = {};
    for (const encoding of ['identity', 'gzip', 'br']) {
      const response = await get(`${bench.baseUrl}/api/rulebook/releases/${amended.version}`, { ...auth, 'accept-encoding': encoding });
      expectStatus(response, 200, `release ${amended.version} (${encoding})`);
      snapshot[encoding] = response.body.length;
    }
    const bytes = changes.body.length;
    // Like for like: the delta as sent (br) against the snapshot in the same encoding.
    const encoding = changes.headers['content-encoding'] ?? 'identity';
    return {
      ratio: ratio(bytes, snapshot[encoding]),
      summary: `${bytes.toLocaleString('en-US')} B vs ${snapshot[encoding].toLocaleString('en-US')} B snapshot, both ${encoding} (identity: ${snapshot.identity.toLocaleString('en-US')} B)`,
      figures: {
        since,
        version: amended.version,
        bytes,
        contentEncoding: encoding,
        snapshotBytes: snapshot,
        ratioToSnapshotIdentity: ratio(bytes, snapshot.identity),
        ratioToSnapshotBr: ratio(bytes, snapshot.br),
      },
    };
  },
};
