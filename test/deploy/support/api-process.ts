import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const READY = /API ready on http:\/\/localhost:(\d+)\/graphql/;
/** Generous: a shared CI machine under load may take a minute to start a process. */
const READY_TIMEOUT_MS = 180_000;

// A test that fails half-way must not leave API processes behind.
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** The secrets every instance of one deployment shares: tokens and signatures are valid on all. */
export function sharedSecrets(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    JWT_SECRET: 'deployment-test-secret-0123456789-abcdefghijklmnop',
    RULEBOOK_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** `node dist/apps/api/src/main.js`, as an operator runs it, with exactly `env` (plus PATH). */
export class ApiProcess {
  private stderrText = '';
  readonly exited: Promise<number | string>;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
    child.stdout?.resume();
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  }

  /** Spawns the process; `ready` resolves on its "API ready" line. */
  static spawn(name: string, port: number, env: Record<string, string>): ApiProcess {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    alive.add(child);
    child.once('exit', () => alive.delete(child));
    return new ApiProcess(name, port, child);
  }

  static async start(name: string, port: number, env: Record<string, string>, timeoutMs = READY_TIMEOUT_MS): Promise<ApiProcess> {
    const api = ApiProcess.spawn(name, port, env);
    await api.ready(timeoutMs);
    return api;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get stderr(): string {
    return this.stderrText;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  ready(timeoutMs = READY_TIMEOUT_MS): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready after ${timeoutMs} ms; stderr:\n${this.stderrText}`)), timeoutMs);
      const check = () => {
        const match = READY.exec(this.stderrText);
        if (!match) return;
        clearTimeout(timer);
        this.child.stderr?.off('data', check);
        resolve(Number(match[1]));
      };
      this.child.stderr?.on('data', check);
      check();
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code}) before it was ready; stderr:\n${this.stderrText}`));
      });
    });
  }

  /** SIGTERM, then the exit code. */
  async terminate(): Promise<number | string> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL: the instance dies mid-work, as a crashed host would. */
  async kill(): Promise<number | string> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }
}
