import Negotiator from 'negotiator';
import type { SnapshotEncoding } from '../application/release-catalog.service';

/** The tie-break order among equal q-values. */
const PREFERENCE: readonly SnapshotEncoding[] = ['br', 'gzip', 'identity'];
/** negotiator 1.x takes a tie-break order (`preferred`); its published types predate it. */
type Ranking = { encodings(available: string[], options: { preferred: string[] }): string[] };

/**
 * The stored encoding to send for an `Accept-Encoding` (RFC 9110 §12.5.3), by `negotiator`:
 * the client's q-values decide, and among equals brotli, then gzip, then identity. Identity
 * is acceptable unless excluded (`identity;q=0`, or `*;q=0` without it); `undefined` when
 * nothing stored is acceptable, which the feed answers 406. `stored` is what the release has
 * (brotli only once its job has run); without it, every encoding a release can have.
 */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  stored: readonly SnapshotEncoding[] = PREFERENCE,
): SnapshotEncoding | undefined {
  const negotiator = new Negotiator({
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
  const available = PREFERENCE.filter((encoding) => stored.includes(encoding));
  return (negotiator as unknown as Ranking).encodings(available, { preferred: available })[0] as SnapshotEncoding | undefined;
}

/** `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
