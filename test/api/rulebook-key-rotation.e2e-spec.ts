import { createHash, generateKeyPairSync } from 'node:crypto';
import { Role } from '@pepite/api/identity';
import { AdvisoryService, RulebookPublisher } from '@pepite/api/rulebook';
import { RulebookClient, type RulebookPublicKey } from '@pepite/rulebook-client/node';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { apiConfigFrom } from '../../apps/api/src/config/api-config';
import { readEnvironment } from '../../apps/api/src/config/environment';

/**
 * Key rotation of the release signing key, end to end: instance "before" signs with key A;
 * instance "after" (same database) signs with key B and lists A as previous
 * (RULEBOOK_PREVIOUS_PUBLIC_KEYS). Desktops that pin {B, A} follow the rotation; a desktop
 * that pins only the old key keeps its last good copy and says which key it does not know.
 */

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    spki: der.toString('base64'),
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}

describe('rulebook signing key rotation', () => {
  const oldKey = keyPair();
  const newKey = keyPair();
  let before: TestApi;
  let after: TestApi;
  let agent: TestUser;
  const clients: RulebookClient[] = [];

  const client = (keys: { publicKey: string; publicKeys?: string[] }) => {
    const made = new RulebookClient({
      baseUrl: `${after.baseUrl}/api/rulebook`,
      token: agent.token,
      live: false,
      pollIntervalMs: 0,
      ...keys,
    });
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    before = await startTestApi({ RULEBOOK_SIGNING_KEY: oldKey.privatePem });
    after = await startTestApi(
      { RULEBOOK_SIGNING_KEY: newKey.privatePem, RULEBOOK_PREVIOUS_PUBLIC_KEYS: oldKey.publicPem },
      { database: before.database },
    );
    agent = await before.world.newUser(Role.OPERATOR);
  });

  afterAll(async () => {
    await Promise.all(clients.map((made) => made.stop()));
    await after.close();
    await before.close();
  });

  it('serves the current key and, during the rotation window, the previous one', async () => {
    const response = await fetch(`${after.baseUrl}/api/rulebook/public-key`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    const body = (await response.json()) as RulebookPublicKey;
    expect(body).toMatchObject({ algorithm: 'Ed25519', keyId: newKey.keyId, spki: newKey.spki });
    expect(body.previous).toEqual([
      { algorithm: 'Ed25519', keyId: oldKey.keyId, spki: oldKey.spki, pem: oldKey.publicPem },
    ]);
    // Without a rotation, nothing more than before.
    const plain = (await (
      await fetch(`${before.baseUrl}/api/rulebook/public-key`, { headers: { authorization: `Bearer ${agent.token}` } })
    ).json()) as RulebookPublicKey;
    expect(plain.keyId).toBe(oldKey.keyId);
    expect(plain.previous).toBeUndefined();
  });

  it('refuses a previous key that is not an Ed25519 public key, naming the variable', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    for (const value of ['not a key', rsa]) {
      await expect(
        apiConfigFrom(
          readEnvironment({
            NODE_ENV: 'test',
            RULEBOOK_SIGNING_KEY: newKey.privatePem,
            RULEBOOK_PREVIOUS_PUBLIC_KEYS: value,
          }),
          () => undefined,
        ),
      ).rejects.toThrow(/RULEBOOK_PREVIOUS_PUBLIC_KEYS/);
    }
    const config = await apiConfigFrom(
      readEnvironment({
        NODE_ENV: 'test',
        RULEBOOK_SIGNING_KEY: newKey.privatePem,
        RULEBOOK_PREVIOUS_PUBLIC_KEYS: `${oldKey.spki},${newKey.spki}`,
      }),
      () => undefined,
    );
    expect(config.rulebook.previousPublicKeys).toHaveLength(2);
  });

  it('lets desktops pinning both keys follow releases and advisories signed before and after the rotation', async () => {
    // Before the rotation: release and advisory signed with the old key.
    const first = await before.app.get(RulebookPublisher).publish({
      changes: [
        { kind: 'CREATE', rule: sampleRule('REFUND-001') },
        { kind: 'CREATE', rule: sampleRule('REFUND-002') },
      ],
    });
    const advisory = await before.app.get(AdvisoryService).publishAdvisory({
      ruleKey: 'REFUND-002',
      message: 'Consigne provisoire signée avant la rotation.',
      expiresAt: new Date(Date.now() + 86_400_000),
    });

    const rotated = client({ publicKey: newKey.publicPem, publicKeys: [oldKey.publicPem] });
    const late = client({ publicKey: oldKey.spki });
    const newOnly = client({ publicKey: newKey.publicPem });
    expect(await rotated.sync()).toEqual({ status: 'updated', version: first.version });
    expect(rotated.current?.seal.keyId).toBe(oldKey.keyId);
    expect(rotated.advisories.map((entry) => entry.id)).toEqual([advisory.id]);
    expect(await late.sync()).toEqual({ status: 'updated', version: first.version });
    // Pinning the new key alone is too early while the latest release is signed with the old one.
    const tooEarly = await newOnly.sync();
    expect(tooEarly.error).toMatchObject({ code: 'TAMPERED', details: { keyId: oldKey.keyId } });
    expect(newOnly.current).toBeUndefined();

    // After the rotation: the next release is signed with the new key.
    const second = await after.app.get(RulebookPublisher).publish({
      changes: [
        { kind: 'AMEND', rule: sampleRule('REFUND-001', { statement: 'Procédure signée avec la nouvelle clé.' }) },
      ],
    });
    const feed = await fetch(`${after.baseUrl}/api/rulebook/releases/latest`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(feed.headers.get('x-rulebook-key-id')).toBe(newKey.keyId);
    expect(await rotated.sync()).toEqual({ status: 'updated', version: second.version });
    expect(rotated.current?.seal.keyId).toBe(newKey.keyId);
    expect(rotated.advisories.map((entry) => entry.id)).toEqual([advisory.id]);
    expect(await newOnly.sync()).toEqual({ status: 'updated', version: second.version });

    // A desktop that missed the rotation refuses what it cannot verify and keeps its copy.
    const refused = await late.sync();
    expect(refused.error).toMatchObject({
      code: 'TAMPERED',
      details: { version: second.version, keyId: newKey.keyId },
    });
    expect(late.version).toBe(first.version);
  });
});
