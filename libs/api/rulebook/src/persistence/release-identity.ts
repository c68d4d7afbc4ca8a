import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/**
 * A release's identity bytes, those that were hashed and signed: the `snapshot` column of a
 * release published before migration ReleaseIdentityFromGzip, otherwise its stored gzip body
 * decompressed (docs/decisions/0012-publication-cost.md). Decompression depends on the
 * stored bytes alone, never on the zlib that runs it, and zlib checks the body's CRC-32 and
 * length, so every instance gets the same bytes every time. Off the event loop (libuv's
 * pool): about 50 ms for a 15 MB snapshot.
 */
export function identityBytes(snapshot: Buffer | null, gzip: Buffer): Promise<Buffer> {
  return snapshot ? Promise.resolve(snapshot) : gunzipAsync(gzip);
}
