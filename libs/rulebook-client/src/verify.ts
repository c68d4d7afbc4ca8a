import {
  advisoryBytes,
  type AdvisoryEntry,
  type ReleaseSealInfo,
  type RulebookSnapshot,
} from '@pepite/rulebook-format';
import { base64ToBytes, bytesToHex, decodeUtf8, publicKeyDer } from './encoding';
import { RulebookError } from './errors';
import { parseSnapshot } from './validate';

/** A release whose bytes matched their seal under the pinned key. */
export interface VerifiedRelease {
  readonly snapshot: RulebookSnapshot;
  readonly seal: ReleaseSealInfo;
  /** The exact signed bytes as text (strict UTF-8), what storage keeps. */
  readonly text: string;
}

/** What a response claims about its bytes; nothing here is trusted until checked. */
export interface ClaimedSeal {
  readonly signature: string | null | undefined;
  readonly sha256?: string | null;
  readonly keyId?: string | null;
}

const ED25519 = { name: 'Ed25519' } as const;

/**
 * The imported verification key. Derived from `crypto.subtle` rather than named `VerifyKey`
 * so the code type-checks against the DOM lib and against Node's own typings alike.
 */
export type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** Imports the pinned key (PEM or base64 SPKI) once; a bad key is a configuration error. */
export async function importPublicKey(publicKey: string): Promise<VerifyKey> {
  try {
    return await crypto.subtle.importKey('spki', publicKeyDer(publicKey), ED25519, false, ['verify']);
  } catch (error) {
    throw new RulebookError(
      'MALFORMED',
      'the pinned public key is not an Ed25519 SPKI key (PEM or base64)',
      {},
      { cause: error },
    );
  }
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(await crypto.subtle.digest('SHA-256', bytes));
}

/** False (never a throw) for a signature that is not base64 or does not verify. */
export async function verifySignature(
  key: VerifyKey,
  signature: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = base64ToBytes(signature);
  } catch {
    return false;
  }
  if (raw.length !== 64) return false;
  try {
    return await crypto.subtle.verify(ED25519, key, raw, bytes);
  } catch {
    return false;
  }
}

/**
 * Checks release bytes against their claimed seal. Order matters for the error a desktop
 * shows: no signature at all (UNSIGNED) before not a rulebook (MALFORMED) before a rulebook
 * whose bytes were altered (TAMPERED).
 */
export async function openRelease(
  key: VerifyKey,
  bytes: Uint8Array<ArrayBuffer>,
  claimed: ClaimedSeal,
): Promise<VerifiedRelease> {
  const signature = claimed.signature?.trim();
  if (!signature) throw new RulebookError('UNSIGNED', 'the release arrived without a signature');
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    throw new RulebookError('MALFORMED', 'malformed release: not UTF-8');
  }
  const snapshot = parseSnapshot(text);
  const sha256 = await sha256Hex(bytes);
  const claimedSha = claimed.sha256?.trim().toLowerCase();
  if (claimedSha && claimedSha !== sha256) {
    throw new RulebookError(
      'TAMPERED',
      `release ${snapshot.version}: SHA-256 ${sha256} differs from the announced ${claimedSha}`,
      {
        version: snapshot.version,
      },
    );
  }
  if (!(await verifySignature(key, signature, bytes))) {
    throw new RulebookError(
      'TAMPERED',
      `release ${snapshot.version}: the signature does not verify with the pinned key`,
      {
        version: snapshot.version,
      },
    );
  }
  return { snapshot, seal: { sha256, signature, keyId: claimed.keyId?.trim() ?? '' }, text };
}

export async function verifyAdvisory(key: VerifyKey, advisory: AdvisoryEntry): Promise<boolean> {
  if (!advisory.signature) return false;
  return verifySignature(key, advisory.signature, new Uint8Array(advisoryBytes(advisory)));
}
