import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { waitUntil } from './wait';

const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const ROOT = path.resolve(__dirname, '../../..');
export const NGINX_CONF = path.join(ROOT, 'deploy/nginx/pepite.conf');
export const NGINX_SECURITY_HEADERS = path.join(ROOT, 'deploy/nginx/pepite-security-headers.conf');

/** Debian's nginx, installed with apt-get when missing and running as root (as the browser tests do for Chromium). */
export function ensureNginx(): string {
  if (existsSync(NGINX)) return NGINX;
  if (process.getuid?.() !== 0) throw new Error(`nginx not found at ${NGINX}: run "apt-get install -y nginx" (or set NGINX_PATH)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
  return NGINX;
}

/**
 * deploy/nginx/pepite.conf with its "# SITE: NAME" lines replaced by `values[NAME]` (the
 * whole line, indentation kept): the production file itself, with this run's ports and paths.
 */
export function renderSiteConf(template: string, values: Record<string, string>): string {
  return template.replace(/^([ \t]*)(.*?)# SITE: (\w+)[ \t]*$/gm, (_line, indent: string, _value, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for SITE: ${name}`);
    return value.split('\n').map((part) => `${indent}${part}`).join('\n');
  });
}

export interface NginxSite {
  readonly dir: string;
  readonly port: number;
  readonly revalidatePort: number;
  readonly apiPorts: readonly number[];
  readonly consoleDir: string;
  readonly desktopDir: string;
}

export class Nginx {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
    readonly baseUrl: string,
    private readonly errors: () => string,
  ) {}

  static async start(site: NginxSite): Promise<Nginx> {
    const binary = ensureNginx();
    const dir = site.dir;
    await mkdir(path.join(dir, 'cache'), { recursive: true });
    const conf = renderSiteConf(await readFile(NGINX_CONF, 'utf8'), {
      API_SERVERS: site.apiPorts.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n'),
      CACHE_PATH: `proxy_cache_path ${dir}/cache levels=1:2 keys_zone=pepite_feed:10m max_size=100m inactive=1h use_temp_path=off;`,
      REVALIDATE_LISTEN: `listen 127.0.0.1:${site.revalidatePort};`,
      REVALIDATE_PASS: `proxy_pass http://127.0.0.1:${site.revalidatePort};`,
      LISTEN: `listen 127.0.0.1:${site.port};`,
      SERVER_NAME: 'server_name localhost;',
      CONSOLE_DIR: `root ${site.consoleDir};`,
      DESKTOP_DIR: `alias ${site.desktopDir}/;`,
      SECURITY_HEADERS: `include ${NGINX_SECURITY_HEADERS};`,
      DEBUG_INSTANCE: 'add_header X-Pepite-Instance $upstream_addr always;',
    });
    await writeFile(path.join(dir, 'pepite.conf'), conf);
    // The main context a Debian nginx.conf gives, with this run's files; as root, workers
    // run as root so they can read the test's temporary directories.
    const main = [
      'daemon off;',
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'worker_rlimit_nofile 8192;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind}-temp;`),
      `  include ${dir}/pepite.conf;`,
      '}',
    ].join('\n');
    await writeFile(path.join(dir, 'nginx.conf'), main);
    execFileSync(binary, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' });
    const child = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const nginx = new Nginx(child, exited, `http://127.0.0.1:${site.port}`, () => stderr);
    await waitUntil(
      () => fetch(`${nginx.baseUrl}/health/live`).then((response) => response.status === 200, () => false),
      { timeoutMs: 30_000, what: () => `nginx answering on ${site.port}; stderr: ${stderr}` },
    );
    return nginx;
  }

  get stderr(): string {
    return this.errors();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGQUIT');
    await this.exited;
  }
}
