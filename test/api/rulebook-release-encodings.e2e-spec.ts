import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { Role } from '@pepite/api/identity';
import { ReleaseBrotli, ReleaseCatalog, RulebookPublisher } from '@pepite/api/rulebook';
import { canonicalJson, toSnapshot } from '@pepite/rulebook-format';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** One GET over a real socket, the body as sent (never decompressed). */
function get(api: TestApi, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.baseUrl}/api/rulebook${path}`, { headers });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject).end();
  });
}

/** Polls (no fixed sleep) until `check` holds; gives up after `withinMs`. */
async function eventually(withinMs: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A release's bodies (docs/decisions/0012-publication-cost.md): a segmented gzip stored by
 * the publication, identity its decompression, brotli stored once by a job after the
 * commit; until then a brotli reader gets gzip. Two instances that run no job workers
 * serve the release, a third with workers is started later to run the job.
 */
describe('release bodies: gzip at publication, brotli by a job after the commit', () => {
  let a: TestApi;
  let b: TestApi;
  let operator: TestUser;
  let version: number;
  const rules = Array.from({ length: 60 }, (_, index) => `ENC-${String(index).padStart(3, '0')}`);
  const long = (key: string, wording = '') =>
    sampleRule(key, { statement: `${'Vérifier l’identité du client avant tout remboursement. '.repeat(12)}${key}${wording}` });
  const auth = () => ({ authorization: `Bearer ${operator.token}` });
  const db = () => a.app.get(DataSource);

  beforeAll(async () => {
    a = await startTestApi({ JOBS_ENABLED: 'false' });
    b = await startTestApi({ JOBS_ENABLED: 'false' }, { database: a.database });
    operator = await a.world.newUser(Role.OPERATOR);
    const publisher = a.app.get(RulebookPublisher);
    await publisher.publish({ changes: rules.map((key) => ({ kind: 'CREATE' as const, rule: long(key) })), notes: 'v1' });
    // One changed rule: only its gzip segment is compressed again.
    version = (await publisher.publish({ changes: [{ kind: 'AMEND' as const, rule: long('ENC-031', ' (modifiée)') }], notes: 'v2' })).version;
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('stores a gzip body that decompresses to exactly the canonical snapshot, and not those bytes a second time', async () => {
    const [row] = (await db().query('SELECT snapshot, snapshot_gzip, snapshot_brotli, sha256 FROM release WHERE version = $1', [version])) as {
      snapshot: Buffer | null;
      snapshot_gzip: Buffer;
      snapshot_brotli: Buffer | null;
      sha256: string;
    }[];
    const release = await a.app.get(ReleaseCatalog).release(version);
    const rebuilt = canonicalJson(
      toSnapshot(
        { version, publishedAt: release.publishedAt.toISOString(), notes: release.notes, changelog: release.changelog },
        await a.app.get(ReleaseCatalog).rules(version),
      ),
    );
    const identity = gunzipSync(row?.snapshot_gzip as Buffer);
    expect(identity.toString('utf8')).toBe(rebuilt);
    expect(sha256(identity)).toBe(row?.sha256);
    expect(row?.snapshot).toBeNull();
    expect(row?.snapshot_brotli).toBeNull();
  });

  it('serves identity bytes decompressed from the stored gzip, the same bytes, SHA-256 and ETag from both instances, every time', async () => {
    const [row] = (await db().query('SELECT sha256 FROM release WHERE version = $1', [version])) as { sha256: string }[];
    // Concurrent first reads share one decompression; later reads come from memory.
    const answers = await Promise.all(
      [a, b, a, b, a, b].map((api) => get(api, `/releases/${version}`, { ...auth(), 'accept-encoding': 'identity' })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(sha256(answer.body)).toBe(row?.sha256);
      expect(answer.headers.etag).toBe(answers[0]?.headers.etag);
      expect(answer.body.equals(answers[0]?.body as Buffer)).toBe(true);
    }
  });

  it('answers a brotli reader in gzip before the job ran (marked, not to be stored by nginx), the same bytes and ETag from both instances', async () => {
    const answers = await Promise.all([a, b].map((api) => get(api, `/releases/${version}`, { ...auth(), 'accept-encoding': 'br, gzip' })));
    const identity = await get(a, `/releases/${version}`, { ...auth(), 'accept-encoding': 'identity' });
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers['x-rulebook-encoding-pending']).toBe('br');
      expect(answer.headers.etag).toBe(identity.headers.etag);
      expect(gunzipSync(answer.body).equals(identity.body)).toBe(true);
    }
    expect(answers[0]?.body.equals(answers[1]?.body as Buffer)).toBe(true);
    // `br` alone still accepts identity (RFC 9110 §12.5.3): what it gets until brotli exists.
    const brOnly = await get(b, '/releases/latest', { ...auth(), 'accept-encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.equals(identity.body)).toBe(true);
    // Refusing everything the release has is still a 406.
    const refused = await get(b, '/releases/latest', { ...auth(), 'accept-encoding': 'br, identity;q=0' });
    expect(refused.status).toBe(406);
    // A gzip reader is not told anything is pending.
    const gzip = await get(a, '/releases/latest', { ...auth(), 'accept-encoding': 'gzip' });
    expect(gzip.headers['x-rulebook-encoding-pending']).toBeUndefined();
  });

  it('stores the brotli body once whichever instances run the job, and keeps the release append-only otherwise', async () => {
    const stored = await Promise.all([a, b, a, b].map((api) => api.app.get(ReleaseBrotli).compress(version - 1)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(await b.app.get(ReleaseBrotli).compress(version - 1)).toBe(false);
    const [row] = (await db().query('SELECT snapshot_gzip, snapshot_brotli FROM release WHERE version = $1', [version - 1])) as {
      snapshot_gzip: Buffer;
      snapshot_brotli: Buffer;
    }[];
    expect(brotliDecompressSync(row?.snapshot_brotli as Buffer).equals(gunzipSync(row?.snapshot_gzip as Buffer))).toBe(true);
    // The one write the release allows is filling an empty brotli column.
    await expect(db().query('UPDATE release SET snapshot_brotli = $2 WHERE version = $1', [version - 1, Buffer.from('x')])).rejects.toThrow(/append-only/);
    await expect(db().query("UPDATE release SET snapshot_brotli = $2, notes = 'falsifiée' WHERE version = $1", [version, Buffer.from('x')])).rejects.toThrow(
      /append-only/,
    );
    await expect(db().query('DELETE FROM release WHERE version = $1', [version])).rejects.toThrow(/append-only/);
  });

  it('answers brotli once the job has run on an instance with workers, identical from both instances', async () => {
    const worker = await startTestApi({ JOBS_ENABLED: 'true', JOBS_POLL_SECONDS: '1' }, { database: a.database });
    try {
      const stored = await eventually(60_000, async () => {
        const rows = (await db().query('SELECT snapshot_brotli IS NOT NULL AS done FROM release WHERE version = $1', [version])) as { done: boolean }[];
        return rows[0]?.done === true;
      });
      expect(stored).toBe(true);
      const brotliOf = async (api: TestApi) => {
        let answer: Answer | undefined;
        // Each instance believes "no brotli yet" for at most a second before asking again.
        await eventually(10_000, async () => {
          answer = await get(api, `/releases/${version}`, { ...auth(), 'accept-encoding': 'br, gzip' });
          return answer.headers['content-encoding'] === 'br';
        });
        return answer as Answer;
      };
      const [fromA, fromB] = [await brotliOf(a), await brotliOf(b)];
      const identity = await get(b, `/releases/${version}`, { ...auth(), 'accept-encoding': 'identity' });
      for (const answer of [fromA, fromB]) {
        expect(answer.headers['content-encoding']).toBe('br');
        expect(answer.headers['x-rulebook-encoding-pending']).toBeUndefined();
        expect(answer.headers.etag).toBe(identity.headers.etag);
        expect(brotliDecompressSync(answer.body).equals(identity.body)).toBe(true);
      }
      expect(fromA.body.equals(fromB.body)).toBe(true);
    } finally {
      await worker.close();
    }
  });
});
