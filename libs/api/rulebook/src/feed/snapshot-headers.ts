import type { StoredSnapshot } from '../application/release-catalog.service';
import type { ReleaseEntity } from '../persistence/release.entity';

/** The headers of a snapshot answer, 200 or 304 alike (the controller and the fast path share them). */
export function snapshotHeaders(release: ReleaseEntity, cacheControl: string): Record<string, string> {
  return {
    ETag: `"${release.sha256}"`,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    'X-Rulebook-Version': String(release.version),
    'X-Rulebook-Signature': release.signature,
    'X-Rulebook-Key-Id': release.keyId,
    'Access-Control-Expose-Headers': 'ETag, X-Rulebook-Version, X-Rulebook-Signature, X-Rulebook-Key-Id',
  };
}

/** What a 200 adds to `snapshotHeaders`: the body's type, length and encoding. */
export function snapshotBodyHeaders(snapshot: StoredSnapshot): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(snapshot.body.length),
  };
  if (snapshot.encoding !== 'identity') headers['Content-Encoding'] = snapshot.encoding;
  return headers;
}

/**
 * A published release never changes, so any cache may keep it for a year. Only a public feed
 * says `public`: when reading it needs a token, a shared cache (a corporate proxy) must not
 * hand the bytes to someone who never signed in, so it is `private` (RFC 9111 §5.2.2.7);
 * deploy/nginx/pepite.conf stores it anyway and revalidates every reader with the API.
 */
export function immutableCacheControl(publicFeed: boolean): string {
  return `${publicFeed ? 'public' : 'private'}, max-age=31536000, immutable`;
}
