import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A secret for development, generated once into the data directory and kept across
 * restarts so tokens survive them. Production passes its secrets through the environment.
 */
export async function localSecret(dataDir: string, name: string, warn: (message: string) => void): Promise<string> {
  const file = path.join(dataDir, 'secrets', name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    warn(`generated a development secret in ${file}; set it through the environment in production`);
    return (await readFile(file, 'utf8')).trim();
  }
}
