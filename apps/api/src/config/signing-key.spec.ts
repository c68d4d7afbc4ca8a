import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, readEnvironment } from './environment';
import { rulebookSigningKey } from './signing-key';

const pem = (type: 'ed25519' | 'rsa') =>
  (type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024 }) : generateKeyPairSync('ed25519')).privateKey
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();

describe('release signing key from the configuration', () => {
  it('generates a development key once, private to its owner, and reuses it after a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pepite-key-'));
    const warnings: string[] = [];
    const first = await rulebookSigningKey(readEnvironment({}), dataDir, (m) => warnings.push(m));
    const second = await rulebookSigningKey(readEnvironment({}), dataDir, (m) => warnings.push(m));
    expect(first.asymmetricKeyType).toBe('ed25519');
    expect(second.export({ type: 'pkcs8', format: 'der' }).equals(first.export({ type: 'pkcs8', format: 'der' }))).toBe(
      true,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/RULEBOOK_SIGNING_KEY/);
    const file = path.join(dataDir, 'secrets', 'rulebook-signing-key.pem');
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('takes the key from the environment or a file, and refuses anything but Ed25519', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pepite-key-'));
    const key = pem('ed25519');
    const fromEnv = await rulebookSigningKey(readEnvironment({ RULEBOOK_SIGNING_KEY: key }), dataDir, () => undefined);
    expect(fromEnv.export({ type: 'pkcs8', format: 'pem' }).toString()).toBe(key);
    const file = path.join(dataDir, 'key.pem');
    await writeFile(file, key);
    const fromFile = await rulebookSigningKey(
      readEnvironment({ RULEBOOK_SIGNING_KEY_FILE: file }),
      dataDir,
      () => undefined,
    );
    expect(fromFile.export({ type: 'pkcs8', format: 'pem' }).toString()).toBe(await readFile(file, 'utf8'));

    await expect(
      rulebookSigningKey(readEnvironment({ RULEBOOK_SIGNING_KEY: pem('rsa') }), dataDir, () => undefined),
    ).rejects.toThrow(/must be an Ed25519 key/);
    await expect(
      rulebookSigningKey(
        readEnvironment({ RULEBOOK_SIGNING_KEY_FILE: path.join(dataDir, 'missing.pem') }),
        dataDir,
        () => undefined,
      ),
    ).rejects.toThrow(ConfigurationError);
  });

  it('refuses a malformed key without echoing it, and demands one in production', () => {
    expect(() => readEnvironment({ RULEBOOK_SIGNING_KEY: 'not a key' })).toThrow(
      /^RULEBOOK_SIGNING_KEY must be a PKCS#8 PEM private key$/,
    );
    expect(() =>
      readEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' }),
    ).toThrow(/^RULEBOOK_SIGNING_KEY or RULEBOOK_SIGNING_KEY_FILE must be set in production/);
  });
});
