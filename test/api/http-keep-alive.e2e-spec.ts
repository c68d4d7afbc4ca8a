import { readFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import path from 'node:path';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../apps/api/src/http/front-door';
import { startTestApi, type TestApi } from '@pepite/test-support';

/*
 * An idle connection outlives the proxy's: nginx keeps idle upstream connections for its
 * `keepalive_timeout`, and an API that closed them first made nginx send requests on closing
 * connections (a 502 for a POST). Node's default keep-alive was 5 s against nginx's 60 s.
 */

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

function keepAliveHeader(url: string): Promise<string | undefined> {
  const agent = new Agent({ keepAlive: true });
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => {
        agent.destroy();
        const value = response.headers['keep-alive'];
        resolve(typeof value === 'string' ? value : undefined);
      });
    }).on('error', reject);
  });
}

describe('keep-alive behind the proxy', () => {
  it('keeps an idle connection longer than nginx keeps its idle upstream connections, and says so', async () => {
    const conf = await readFile(path.join(__dirname, '../../deploy/nginx/pepite.conf'), 'utf8');
    const upstream = /upstream pepite_api \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    const nginxSeconds = Number(/^\s*keepalive_timeout\s+(\d+)s;/m.exec(upstream)?.[1]);
    expect(nginxSeconds).toBeGreaterThan(0);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(nginxSeconds * 1000);
    // What the API's own server answers on a keep-alive request (the fast path's and Express's alike).
    expect(await keepAliveHeader(`${api.baseUrl}/health/live`)).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    expect(await keepAliveHeader(`${api.baseUrl}/api/rulebook/releases/latest`)).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
  });
});
