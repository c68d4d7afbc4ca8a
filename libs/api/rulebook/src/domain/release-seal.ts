import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** What makes a release tamper-evident: the hash of its exact bytes and a signature over them. */
export interface ReleaseSeal {
  readonly sha256: string;
  /** Ed25519 signature of the snapshot bytes, base64. */
  readonly signature: string;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Seals the snapshot bytes once, at publication; the feed serves them as they are. */
export function sealRelease(snapshot: Buffer, privateKey: KeyObject): ReleaseSeal {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('releases are signed with an Ed25519 key');
  return { sha256: sha256Hex(snapshot), signature: sign(null, snapshot, privateKey).toString('base64') };
}

/** True when the bytes are exactly those that were sealed with the key's private half. */
export function verifyReleaseSeal(snapshot: Buffer, seal: ReleaseSeal, publicKey: KeyObject | string): boolean {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  if (sha256Hex(snapshot) !== seal.sha256) return false;
  try {
    return verify(null, snapshot, key, Buffer.from(seal.signature, 'base64'));
  } catch {
    return false;
  }
}
