import { advisoryBytes } from '@pepite/rulebook-format';
import { RulebookError } from './errors';
import { importKeyring, importPublicKey, openRelease, sha256Hex, verifyAdvisory, verifySignature } from './verify';
import { advisory, newKeys, release, rule } from './testing/fixtures';

const keys = newKeys();
const other = newKeys();
const sealed = release(keys, 4, [rule('A', { title: 'Échéance' }), rule('B')]);
const bytes = (buffer: Uint8Array) => new Uint8Array(buffer);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RulebookError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('verification', () => {
  it('imports the pinned key from PEM or base64 SPKI, and refuses anything else', async () => {
    await expect(importPublicKey(keys.pem)).resolves.toBeDefined();
    await expect(importPublicKey(keys.spki)).resolves.toBeDefined();
    await expect(codeOf(importPublicKey('not a key'))).resolves.toBe('MALFORMED');
  });

  it('hashes with SHA-256 (hex)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('opens a release sealed with the pinned key', async () => {
    const key = await importPublicKey(keys.spki);
    const opened = await openRelease(key, bytes(sealed.bytes), {
      signature: sealed.signature,
      sha256: sealed.sha256,
      keyId: 'k1',
    });
    expect(opened.snapshot.version).toBe(4);
    expect(opened.seal).toEqual({ sha256: sealed.sha256, signature: sealed.signature, keyId: 'k1' });
    expect(opened.text).toBe(sealed.bytes.toString('utf8'));
  });

  it('computes the hash itself when no ETag is given', async () => {
    const key = await importPublicKey(keys.spki);
    const opened = await openRelease(key, bytes(sealed.bytes), { signature: sealed.signature });
    expect(opened.seal.sha256).toBe(sealed.sha256);
  });

  it('refuses a missing signature as UNSIGNED', async () => {
    const key = await importPublicKey(keys.spki);
    await expect(codeOf(openRelease(key, bytes(sealed.bytes), { signature: null }))).resolves.toBe('UNSIGNED');
    await expect(codeOf(openRelease(key, bytes(sealed.bytes), { signature: '  ' }))).resolves.toBe('UNSIGNED');
  });

  it('refuses one flipped byte, a wrong hash, a foreign key or a garbled signature as TAMPERED', async () => {
    const key = await importPublicKey(keys.spki);
    const flipped = bytes(sealed.bytes);
    const at = sealed.bytes.indexOf('Statement of B');
    flipped[at] = 't'.charCodeAt(0);
    await expect(codeOf(openRelease(key, flipped, { signature: sealed.signature }))).resolves.toBe('TAMPERED');
    await expect(
      codeOf(openRelease(key, flipped, { signature: sealed.signature, sha256: sealed.sha256 })),
    ).resolves.toBe('TAMPERED');
    await expect(
      codeOf(openRelease(key, bytes(sealed.bytes), { signature: sealed.signature, sha256: 'ab'.repeat(32) })),
    ).resolves.toBe('TAMPERED');
    const foreign = await importPublicKey(other.spki);
    await expect(codeOf(openRelease(foreign, bytes(sealed.bytes), { signature: sealed.signature }))).resolves.toBe(
      'TAMPERED',
    );
    await expect(codeOf(openRelease(key, bytes(sealed.bytes), { signature: '!!not base64!!' }))).resolves.toBe(
      'TAMPERED',
    );
    await expect(codeOf(openRelease(key, bytes(sealed.bytes), { signature: 'AAAA' }))).resolves.toBe('TAMPERED');
  });

  it('refuses what is not a rulebook as MALFORMED', async () => {
    const key = await importPublicKey(keys.spki);
    const malformed = async (text: string | Uint8Array) =>
      codeOf(
        openRelease(key, typeof text === 'string' ? new TextEncoder().encode(text) : bytes(text), {
          signature: sealed.signature,
        }),
      );
    await expect(malformed('{"format":')).resolves.toBe('MALFORMED');
    await expect(malformed('[]')).resolves.toBe('MALFORMED');
    await expect(malformed(JSON.stringify({ ...sealed.snapshot, format: 'other/1' }))).resolves.toBe('MALFORMED');
    await expect(malformed(JSON.stringify({ ...sealed.snapshot, rules: [{ key: 'A' }] }))).resolves.toBe('MALFORMED');
    await expect(malformed(JSON.stringify({ ...sealed.snapshot, rules: [rule('A'), rule('A')] }))).resolves.toBe(
      'MALFORMED',
    );
    await expect(malformed(new Uint8Array([0x7b, 0xff, 0x7d]))).resolves.toBe('MALFORMED');
  });

  it('verifies advisories over advisoryBytes and refuses an edited message', async () => {
    const key = await importPublicKey(keys.spki);
    const entry = advisory(keys, 1, 'A');
    expect(await verifyAdvisory(key, entry)).toBe(true);
    expect(await verifyAdvisory(key, { ...entry, message: 'Do the opposite' })).toBe(false);
    expect(await verifyAdvisory(key, { ...entry, signature: '' })).toBe(false);
    expect(await verifySignature(key, entry.signature, new Uint8Array(advisoryBytes(entry)))).toBe(true);
  });

  describe('key rotation: a keyring of pinned keys', () => {
    const previous = newKeys();
    const current = newKeys();
    const before = release(previous, 7, [rule('A')]);
    const after = release(current, 8, [rule('A', { revision: 2, statement: 'New' })]);

    it('names each key as the server does and counts a key given twice (PEM and SPKI) once', async () => {
      const ring = await importKeyring([current.pem, previous.spki, current.spki]);
      expect(ring.keys.map((pinned) => pinned.keyId)).toEqual([current.keyId, previous.keyId]);
      await expect(codeOf(importKeyring([]))).resolves.toBe('MALFORMED');
      await expect(codeOf(importKeyring([current.pem, 'not a key']))).resolves.toBe('MALFORMED');
    });

    it('opens releases signed before and after the rotation while both keys are pinned', async () => {
      const ring = await importKeyring([current.pem, previous.pem]);
      const old = await openRelease(ring, bytes(before.bytes), before);
      expect(old.seal.keyId).toBe(previous.keyId);
      expect((await openRelease(ring, bytes(after.bytes), after)).snapshot.version).toBe(8);
      // The key id is only a hint: a wrong or missing one does not stop a genuine signature.
      await expect(openRelease(ring, bytes(before.bytes), { ...before, keyId: current.keyId })).resolves.toBeDefined();
      await expect(openRelease(ring, bytes(before.bytes), { ...before, keyId: null })).resolves.toBeDefined();
      expect(await verifyAdvisory(ring, advisory(previous, 1, 'A'))).toBe(true);
      expect(await verifyAdvisory(ring, advisory(current, 2, 'A'))).toBe(true);
    });

    it('refuses a release signed by a key no longer (or never) pinned, naming the key', async () => {
      const ring = await importKeyring([current.pem]);
      const refused = await openRelease(ring, bytes(before.bytes), before).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RulebookError);
      expect(refused).toMatchObject({ code: 'TAMPERED', details: { version: 7, keyId: previous.keyId } });
      expect((refused as Error).message).toMatch(/not pinned/);
      expect(await verifyAdvisory(ring, advisory(previous, 1, 'A'))).toBe(false);
      // A forger claiming the pinned key's id gains nothing.
      const forged = release(other, 9, [rule('A')]);
      await expect(codeOf(openRelease(ring, bytes(forged.bytes), { ...forged, keyId: current.keyId }))).resolves.toBe(
        'TAMPERED',
      );
      // Nor does a genuine signature moved onto other bytes (a wrong signature for this body).
      await expect(
        codeOf(
          openRelease(ring, bytes(after.bytes), { ...after, signature: release(current, 8, [rule('B')]).signature }),
        ),
      ).resolves.toBe('TAMPERED');
    });
  });
});
