import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { freePort } from '@pepite/api/database';
import { startTestApi, type TestApi } from '@pepite/test-support';
import { ApiProcess, sharedSecrets } from './api-process';
import { Nginx } from './nginx';

/** Settings of the deployment under test: the SSE heartbeat that bounds (d), jobs on everywhere. */
export const HEARTBEAT_SECONDS = 5;

/**
 * nginx in front of three real API processes on one PostgreSQL, all with jobs on, plus an
 * in-process instance with jobs off that the test uses to prepare people and proposals.
 */
export class Deployment {
  readonly instances: ApiProcess[] = [];

  private constructor(
    readonly dir: string,
    readonly setup: TestApi,
    readonly env: Record<string, string>,
    private nginxProcess: Nginx | undefined,
  ) {}

  static async start(count = 3): Promise<Deployment> {
    const dir = await mkdtemp(path.join(tmpdir(), 'pepite-deploy-'));
    const secrets = sharedSecrets();
    const setup = await startTestApi({ ...secrets, JOBS_ENABLED: 'false' });
    const env = {
      ...secrets,
      DATABASE_URL: setup.database.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'true',
      RULEBOOK_SSE_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
      RULEBOOK_SSE_RETRY_MS: '1000',
      SHUTDOWN_GRACE_SECONDS: '10',
      DB_POOL_SIZE: '6',
      FILING_LIMIT_PER_OPERATOR: '100000',
      MUTATION_LIMIT_PER_USER: '100000',
    };
    const deployment = new Deployment(dir, setup, env, undefined);
    try {
      await deployment.startAll(count);
    } catch (error) {
      await deployment.stop();
      throw error;
    }
    return deployment;
  }

  private async startAll(count: number): Promise<void> {
    const dir = this.dir;
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    await Promise.all(ports.map((port, i) => this.startInstance(i, port)));
    await mkdir(path.join(dir, 'web', 'assets'), { recursive: true });
    await mkdir(path.join(dir, 'desktop'), { recursive: true });
    await writeFile(path.join(dir, 'web', 'index.html'), '<!doctype html><title>Pépite</title>');
    await writeFile(path.join(dir, 'web', 'assets', 'app-1a2b3c.js'), 'console.log("console");');
    await writeFile(path.join(dir, 'desktop', 'index.html'), '<!doctype html><title>Bureau</title>');
    this.nginxProcess = await Nginx.start({
      dir: path.join(dir, 'nginx'),
      port: await freePort(),
      revalidatePort: await freePort(),
      apiPorts: ports,
      consoleDir: path.join(dir, 'web'),
      desktopDir: path.join(dir, 'desktop'),
    });
  }

  get nginx(): Nginx {
    if (!this.nginxProcess) throw new Error('nginx not started');
    return this.nginxProcess;
  }

  get proxyUrl(): string {
    return this.nginx.baseUrl;
  }

  /** Starts instance `i` (again) on its port, with its own data directory. */
  async startInstance(i: number, port = this.instances[i]?.port ?? 0): Promise<ApiProcess> {
    const dataDir = path.join(this.dir, `data-${i}`);
    const api = ApiProcess.spawn(`api-${i + 1}`, port, { ...this.env, PEPITE_DATA_DIR: dataDir });
    this.instances[i] = api;
    await api.ready();
    return api;
  }

  async stop(): Promise<void> {
    await this.nginxProcess?.stop();
    await Promise.all(this.instances.map((api) => api.kill()));
    await this.setup.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
