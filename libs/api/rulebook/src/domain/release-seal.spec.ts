import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '@pepite/rulebook-format';
import { sealRelease, sha256Hex, verifyReleaseSeal } from './release-seal';

describe('release seal (SHA-256 + Ed25519)', () => {
  const keys = generateKeyPairSync('ed25519');
  const snapshot = Buffer.from(canonicalJson({ version: 2, rules: [{ key: 'REFUND-001', title: 'Remboursement' }] }));

  it('verifies the sealed bytes with the public key, also as PEM', () => {
    const seal = sealRelease(snapshot, keys.privateKey);
    expect(seal.sha256).toBe(sha256Hex(snapshot));
    expect(seal.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyReleaseSeal(snapshot, seal, keys.publicKey)).toBe(true);
    expect(verifyReleaseSeal(snapshot, seal, keys.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toBe(true);
  });

  it('rejects a tampered body, a wrong signature and another key', () => {
    const seal = sealRelease(snapshot, keys.privateKey);
    const tampered = Buffer.from(snapshot.toString().replace('Remboursement', 'Remboursemant'));
    expect(verifyReleaseSeal(tampered, seal, keys.publicKey)).toBe(false);
    expect(verifyReleaseSeal(tampered, { ...seal, sha256: sha256Hex(tampered) }, keys.publicKey)).toBe(false);
    expect(verifyReleaseSeal(snapshot, { ...seal, signature: Buffer.alloc(64).toString('base64') }, keys.publicKey)).toBe(false);
    expect(verifyReleaseSeal(snapshot, seal, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('refuses to sign with anything but Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => sealRelease(snapshot, rsa.privateKey)).toThrow(TypeError);
  });
});
