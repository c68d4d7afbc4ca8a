import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { ChangesBody, SnapshotEncoding } from '../application/release-catalog.service';

/** Below about one packet, compressing costs more than it saves. */
const COMPRESS_FROM_BYTES = 1400;

/**
 * The bytes of a `changes` answer in the negotiated encoding (identity when small), encoded
 * once per cached answer and then shared by every desktop asking the same question, through
 * the controller and the fast path alike.
 */
export function encodedChanges(
  body: ChangesBody,
  negotiated: SnapshotEncoding,
): { bytes: Buffer; encoding: SnapshotEncoding } {
  const encoding = body.json.length < COMPRESS_FROM_BYTES ? 'identity' : negotiated;
  let bytes = body.encoded.get(encoding);
  if (!bytes) {
    const plain = Buffer.from(body.json, 'utf8');
    bytes =
      encoding === 'identity'
        ? plain
        : encoding === 'br'
          ? brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(plain);
    body.encoded.set(encoding, bytes);
  }
  return { bytes, encoding };
}

/** The headers of a `changes` answer (controller and fast path alike). */
export function changesHeaders(bytes: Buffer, encoding: SnapshotEncoding): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
    'Content-Length': String(bytes.length),
  };
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  return headers;
}
