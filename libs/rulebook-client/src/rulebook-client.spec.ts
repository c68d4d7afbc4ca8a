import type { FetchLike } from './http';
import { RulebookClient } from './rulebook-client';
import { MemoryStorage } from './storage';
import { newKeys, release, rule, type SealedRelease } from './testing/fixtures';

/**
 * Edge cases of the client that the real API does not produce on demand; the end-to-end
 * spec (test/api/rulebook-client.e2e-spec.ts) covers the rest against the running feed.
 */
const keys = newKeys();

function serving(answer: () => Response): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: async (url) => {
      urls.push(url);
      return url.endsWith('/advisories') ? Response.json([]) : answer();
    },
  };
}

const snapshotResponse = (sealed: SealedRelease) =>
  new Response(new Uint8Array(sealed.bytes), {
    headers: {
      etag: `"${sealed.sha256}"`,
      'x-rulebook-signature': sealed.signature,
      'x-rulebook-key-id': sealed.keyId,
    },
  });

describe('RulebookClient edge cases', () => {
  it('refuses to run without a pinned key unless trust on first use is chosen', () => {
    expect(() => new RulebookClient({ baseUrl: 'http://feed' })).toThrow(/pinned publicKey/);
    expect(() => new RulebookClient({ baseUrl: 'http://feed', trustOnFirstUse: true })).not.toThrow();
  });

  it('reads "nothing published yet" as empty, not as an error', async () => {
    const server = serving(() => Response.json({ error: { code: 'NOT_FOUND', message: 'none yet' } }, { status: 404 }));
    const client = new RulebookClient({
      baseUrl: 'http://feed/api/rulebook/',
      publicKey: keys.pem,
      fetch: server.fetch,
    });
    const errors: string[] = [];
    client.on('error', (error) => errors.push(error.code));
    expect(await client.sync()).toEqual({ status: 'empty', version: undefined });
    expect(errors).toEqual([]);
    expect(server.urls).toEqual(['http://feed/api/rulebook/releases/latest']);
  });

  it('refuses a second, different release under the version already trusted', async () => {
    const genuine = release(keys, 5, [rule('A')]);
    const twin = release(keys, 5, [rule('A', { statement: 'Other' })]);
    let answer = genuine;
    const storage = new MemoryStorage();
    const client = new RulebookClient({
      baseUrl: 'http://feed',
      publicKey: keys.spki,
      storage,
      fetch: serving(() => snapshotResponse(answer)).fetch,
    });
    expect((await client.sync()).status).toBe('updated');
    answer = twin;
    const outcome = await client.sync();
    expect(outcome.error?.code).toBe('ROLLBACK');
    expect(client.current?.seal.sha256).toBe(genuine.sha256);
    expect((await storage.load())?.sha256).toBe(genuine.sha256);
  });

  it('maps a refused connection to NETWORK and a listener that throws does not stop the others', async () => {
    const client = new RulebookClient({
      baseUrl: 'http://feed',
      publicKey: keys.spki,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const seen: string[] = [];
    client.on('error', () => {
      throw new Error('listener bug');
    });
    const off = client.on('error', (error) => seen.push(error.code));
    const consoleError = jest.spyOn(global.console, 'error').mockImplementation(() => undefined);
    try {
      expect((await client.sync()).error?.code).toBe('NETWORK');
      expect(consoleError).toHaveBeenCalledWith('rulebook-client: a listener threw', new Error('listener bug'));
    } finally {
      consoleError.mockRestore();
    }
    expect(seen).toEqual(['NETWORK']);
    off();
    jest.spyOn(global.console, 'error').mockImplementation(() => undefined);
    await client.sync();
    expect(seen).toEqual(['NETWORK']);
    jest.restoreAllMocks();
  });

  it('follows a key rotation when both keys are pinned; a desktop pinning only the old key keeps its copy', async () => {
    const previous = newKeys();
    const current = newKeys();
    const before = release(previous, 7, [rule('A')]);
    const after = release(current, 8, [rule('A', { revision: 2, statement: 'New' })]);
    let answer = before;
    const fetch = serving(() => snapshotResponse(answer)).fetch;
    const rotated = new RulebookClient({
      baseUrl: 'http://feed',
      publicKey: current.pem,
      publicKeys: [previous.pem],
      fetch,
    });
    const late = new RulebookClient({
      baseUrl: 'http://feed',
      publicKey: previous.spki,
      storage: new MemoryStorage(),
      fetch,
    });
    expect(await rotated.sync()).toEqual({ status: 'updated', version: 7 });
    expect(await late.sync()).toEqual({ status: 'updated', version: 7 });
    answer = after;
    expect(await rotated.sync()).toEqual({ status: 'updated', version: 8 });
    expect(rotated.current?.seal.keyId).toBe(current.keyId);
    const refused = await late.sync();
    expect(refused.error).toMatchObject({ code: 'TAMPERED', details: { version: 8, keyId: current.keyId } });
    expect(late.version).toBe(7);
  });

  it('refuses a stale feed replayed later, even to a restarted desktop, and keeps the newer copy', async () => {
    const older = release(keys, 3, [rule('A')]);
    const newer = release(keys, 4, [rule('A', { revision: 2, statement: 'Newer' })]);
    let answer = newer;
    const storage = new MemoryStorage();
    const fetch = serving(() => snapshotResponse(answer)).fetch;
    const first = new RulebookClient({
      baseUrl: 'http://feed',
      publicKey: keys.pem,
      storage,
      fetch,
      live: false,
      pollIntervalMs: 0,
    });
    expect(await first.sync()).toEqual({ status: 'updated', version: 4 });
    // An attacker (or a restored backup of the server) replays release 3, genuinely signed.
    answer = older;
    expect((await first.sync()).error).toMatchObject({ code: 'ROLLBACK', details: { version: 3, trustedVersion: 4 } });
    expect(first.version).toBe(4);

    const restarted = new RulebookClient({
      baseUrl: 'http://feed',
      publicKey: keys.pem,
      storage,
      fetch,
      live: false,
      pollIntervalMs: 0,
    });
    const errors: string[] = [];
    restarted.on('error', (error) => errors.push(error.code));
    await restarted.start();
    await restarted.stop();
    expect(restarted.version).toBe(4);
    expect(errors).toEqual(['ROLLBACK']);
    expect((await storage.load())?.sha256).toBe(newer.sha256);
  });
});
