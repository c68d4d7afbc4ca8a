import { constants as zlib, crc32, deflateRawSync } from 'node:zlib';

/** A gzip header (RFC 1952 §2.3): deflate, no name, no mtime, maximum compression, Unix. */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x02, 0x03]);
/** The last block: empty, fixed Huffman, BFINAL set (what `deflateRaw` of nothing writes). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * One segment of a gzip body: its bytes compressed alone as raw deflate, ending on a sync
 * flush (byte-aligned, not final). Segments compressed apart can be laid end to end in one
 * deflate stream (pigz builds its output the same way), so a release whose rules differ
 * from the last one in one place recompresses that segment only.
 */
export function deflateSegment(plain: Buffer): Buffer {
  return deflateRawSync(plain, { level: 9, finishFlush: zlib.Z_SYNC_FLUSH });
}

/**
 * One gzip member (a single member, which every decoder reads, unlike concatenated
 * members) whose deflate stream is the segments in order; `plain` is their uncompressed
 * bytes end to end, for the trailer's CRC-32 and length.
 */
export function gzipOfSegments(segments: readonly Buffer[], plain: Buffer): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(plain) >>> 0, 0);
  trailer.writeUInt32LE(plain.length % 2 ** 32, 4);
  return Buffer.concat([HEADER, ...segments, FINAL_BLOCK, trailer]);
}
