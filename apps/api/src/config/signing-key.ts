import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Environment } from './environment';
import { ConfigurationError } from './environment';

/**
 * The release signing key: from the environment in production; in development generated
 * once into the data directory, so desktops that pinned it keep trusting restarts.
 */
export async function rulebookSigningKey(
  env: Environment,
  dataDir: string,
  warn: (message: string) => void,
): Promise<KeyObject> {
  if (env.RULEBOOK_SIGNING_KEY) return ed25519(env.RULEBOOK_SIGNING_KEY, 'RULEBOOK_SIGNING_KEY');
  if (env.RULEBOOK_SIGNING_KEY_FILE) {
    const pem = await readFile(env.RULEBOOK_SIGNING_KEY_FILE, 'utf8').catch(() => {
      throw new ConfigurationError(`RULEBOOK_SIGNING_KEY_FILE cannot be read (${env.RULEBOOK_SIGNING_KEY_FILE})`);
    });
    return ed25519(pem, 'RULEBOOK_SIGNING_KEY_FILE');
  }
  const file = path.join(dataDir, 'secrets', 'rulebook-signing-key.pem');
  try {
    return ed25519(await readFile(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // `wx`: two instances starting together keep whichever key was written first.
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    warn(`generated a development release signing key in ${file}; set RULEBOOK_SIGNING_KEY in production`);
    return ed25519(await readFile(file, 'utf8'), file);
  }
}

function ed25519(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigurationError(`${source} is not a readable private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigurationError(`${source} must be an Ed25519 key`);
  return key;
}

/**
 * Key rotation: the public halves of the previous signing keys (`RULEBOOK_PREVIOUS_PUBLIC_KEYS`),
 * as PEM `PUBLIC KEY` blocks or base64 DER SPKI separated by commas. Releases and advisories
 * signed before the rotation keep their signatures; /public-key lists these keys under
 * `previous` so installers and desktops can trust them during the rotation window.
 */
export function previousPublicKeys(value: string | undefined): KeyObject[] {
  if (!value?.trim()) return [];
  const pems = value.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g);
  const parts =
    pems ??
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  return parts.map((part, index) => {
    let key: KeyObject;
    try {
      key = pems
        ? createPublicKey(part)
        : createPublicKey({ key: Buffer.from(part, 'base64'), format: 'der', type: 'spki' });
    } catch {
      throw new ConfigurationError(`RULEBOOK_PREVIOUS_PUBLIC_KEYS: key ${index + 1} is not a readable public key`);
    }
    if (key.asymmetricKeyType !== 'ed25519')
      throw new ConfigurationError(`RULEBOOK_PREVIOUS_PUBLIC_KEYS: key ${index + 1} must be an Ed25519 key`);
    return key;
  });
}
