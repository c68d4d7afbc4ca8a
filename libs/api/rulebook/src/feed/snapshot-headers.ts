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
