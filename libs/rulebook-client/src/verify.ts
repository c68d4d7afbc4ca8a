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

/** One pinned key with its id: the first 16 hex digits of the SHA-256 of its DER SPKI, as the server names it. */
export interface PinnedKey {
  readonly keyId: string;
  readonly key: VerifyKey;
}

/**
 * Several pinned keys: during a key rotation a desktop trusts the new key and the previous
 * one(s), so releases and advisories signed before the rotation still verify.
 */
export interface Keyring {
  readonly keys: readonly PinnedKey[];
}

/** What the verification functions accept: one key, or a keyring. */
export type TrustedKeys = VerifyKey | Keyring;

function isKeyring(keys: TrustedKeys): keys is Keyring {
  return Array.isArray((keys as Partial<Keyring>).keys);
}

/** Imports every pinned key (PEM or base64 SPKI); duplicates count once; an empty or bad set is MALFORMED. */
export async function importKeyring(publicKeys: readonly string[]): Promise<Keyring> {
  const keys: PinnedKey[] = [];
  for (const publicKey of publicKeys) {
    const key = await importPublicKey(publicKey);
    const keyId = (await sha256Hex(publicKeyDer(publicKey))).slice(0, 16);
    if (!keys.some((pinned) => pinned.keyId === keyId)) keys.push({ keyId, key });
  }
  if (keys.length === 0) throw new RulebookError('MALFORMED', 'no pinned public key');
  return { keys };
}

/** The ids of the pinned keys, for messages; empty for a single bare key. */
export function pinnedKeyIds(keys: TrustedKeys): string[] {
  return isKeyring(keys) ? keys.keys.map((pinned) => pinned.keyId) : [];
}

/**
 * The keys to try, the one named by `keyId` first. The id is an unauthenticated hint: every
 * pinned key is tried, since any of them is trusted.
 */
function candidates(keys: TrustedKeys, keyId: string | null | undefined): VerifyKey[] {
  if (!isKeyring(keys)) return [keys];
  const named = keys.keys.filter((pinned) => pinned.keyId === keyId);
  return [...named, ...keys.keys.filter((pinned) => pinned.keyId !== keyId)].map((pinned) => pinned.key);
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(await crypto.subtle.digest('SHA-256', bytes));
}

/** False (never a throw) for a signature that is not base64 or does not verify under any pinned key. */
export async function verifySignature(
  keys: TrustedKeys,
  signature: string,
  bytes: Uint8Array<ArrayBuffer>,
  keyId?: string | null,
): Promise<boolean> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = base64ToBytes(signature);
  } catch {
    return false;
  }
  if (raw.length !== 64) return false;
  for (const key of candidates(keys, keyId)) {
    try {
      if (await crypto.subtle.verify(ED25519, key, raw, bytes)) return true;
    } catch {
      // Not this key.
    }
  }
  return false;
}

/**
 * Checks release bytes against their claimed seal. Order matters for the error a desktop
 * shows: no signature at all (UNSIGNED) before not a rulebook (MALFORMED) before a rulebook
 * whose bytes were altered (TAMPERED).
 */
export async function openRelease(
  keys: TrustedKeys,
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
  const keyId = claimed.keyId?.trim() ?? '';
  if (!(await verifySignature(keys, signature, bytes, keyId))) {
    const pinned = pinnedKeyIds(keys);
    const unknownKey = keyId !== '' && pinned.length > 0 && !pinned.includes(keyId);
    throw new RulebookError(
      'TAMPERED',
      unknownKey
        ? `release ${snapshot.version}: signed with key ${keyId}, which is not pinned (${pinned.join(', ')})`
        : `release ${snapshot.version}: the signature does not verify with the pinned key`,
      { version: snapshot.version, ...(unknownKey ? { keyId } : {}) },
    );
  }
  return { snapshot, seal: { sha256, signature, keyId }, text };
}

export async function verifyAdvisory(keys: TrustedKeys, advisory: AdvisoryEntry): Promise<boolean> {
  if (!advisory.signature) return false;
  return verifySignature(keys, advisory.signature, new Uint8Array(advisoryBytes(advisory)));
}
