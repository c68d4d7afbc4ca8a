import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { RulebookPublicKey } from '@pepite/rulebook-format';

/** The public half as the feed publishes it, with a short id derived from its bytes. */
export function publicKeyInfo(key: KeyObject): RulebookPublicKey {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    algorithm: 'Ed25519',
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    spki: spki.toString('base64'),
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
