import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpAdapterHost } from '@nestjs/core';
import type { ReleaseCatalog, SnapshotEncoding, StoredSnapshot } from '../application/release-catalog.service';
import type { ReleaseEntity } from '../persistence/release.entity';
import type { RulebookOptions } from '../rulebook.options';
import { FeedFastPath } from './feed-fast-path';

const release = { version: 7, sha256: 'a'.repeat(64), signature: 'sig', keyId: 'key-1' } as ReleaseEntity;
const stored = (encoding: SnapshotEncoding): StoredSnapshot => ({ release, encoding, body: Buffer.from(`${encoding} bytes`) });

function fastPath(cached: SnapshotEncoding[], publicFeed = true) {
  const catalog = { cachedLatest: (encoding: SnapshotEncoding) => (cached.includes(encoding) ? stored(encoding) : undefined) };
  return new FeedFastPath({} as HttpAdapterHost, catalog as unknown as ReleaseCatalog, { publicFeed } as RulebookOptions);
}

function call(path: FeedFastPath, headers: Record<string, string>, url = '/api/rulebook/releases/latest', method = 'GET') {
  const sent: { status?: number; headers?: Record<string, string>; body?: unknown } = {};
  const response = {
    writeHead: (status: number, head: string[]) => {
      const pairs: [string, string][] = [];
      for (let index = 0; index < head.length; index += 2) pairs.push([head[index] as string, head[index + 1] as string]);
      Object.assign(sent, { status, headers: Object.fromEntries(pairs) });
    },
    end: (body?: unknown) => Object.assign(sent, { body }),
  } as unknown as ServerResponse;
  const answered = path.answered({ url, method, headers } as unknown as IncomingMessage, response);
  return { answered, ...sent };
}

describe('feed fast path (GET /api/rulebook/releases/latest from memory)', () => {
  it('answers 304 to the current ETag with the controller’s headers and no body', () => {
    const answer = call(fastPath(['br']), { 'accept-encoding': 'gzip, br', 'if-none-match': `"${release.sha256}"`, 'x-request-id': 'poll-1' });
    expect(answer).toMatchObject({ answered: true, status: 304, body: undefined });
    expect(answer.headers).toMatchObject({
      'X-Request-Id': 'poll-1',
      ETag: `"${release.sha256}"`,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      'X-Rulebook-Version': '7',
      'X-Rulebook-Signature': 'sig',
      'X-Rulebook-Key-Id': 'key-1',
    });
    expect(answer.headers).not.toHaveProperty('Content-Type');
  });

  it('sends the stored bytes of the negotiated encoding, with their length', () => {
    const answer = call(fastPath(['br', 'identity']), { 'accept-encoding': 'br' });
    expect(answer).toMatchObject({ answered: true, status: 200, body: Buffer.from('br bytes') });
    expect(answer.headers).toMatchObject({ 'Content-Encoding': 'br', 'Content-Length': '8', 'Content-Type': 'application/json; charset=utf-8' });
    expect(call(fastPath(['identity']), {}).headers).not.toHaveProperty('Content-Encoding');
  });

  it('leaves everything else to the controller', () => {
    const path = fastPath(['identity', 'br']);
    expect(call(path, {}, '/api/rulebook/releases/latest?x=1').answered).toBe(false);
    expect(call(path, {}, '/api/rulebook/releases/latest', 'HEAD').answered).toBe(false);
    expect(call(path, { authorization: 'Bearer t' }).answered).toBe(false);
    expect(call(path, { origin: 'https://console.example' }).answered).toBe(false);
    expect(call(path, { 'accept-encoding': 'gzip' }).answered).toBe(false); // not in memory yet
  });
});
