import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../../support/test-api';

const root = path.resolve(__dirname, '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserStack {
  /** The real API over this test file's own database, serving both built apps. */
  readonly api: TestApi;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A fresh browser context (its own storage, as another person's machine), in French. */
  newPage(options?: { locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** API + console (`/`) + agent desktop (`/desktop/`) on one origin, and a headless Chromium. */
export async function startBrowserStack(env: Record<string, string> = {}): Promise<BrowserStack> {
  const api = await startTestApi({
    // Built by the browser project's global setup for this run.
    WEB_CONSOLE_DIR: process.env.PEPITE_TEST_WEB_CONSOLE_DIR ?? path.join(root, 'dist/apps/web'),
    AGENT_DESKTOP_DIR: process.env.PEPITE_TEST_AGENT_DESKTOP_DIR ?? path.join(root, 'dist/apps/agent-desktop'),
    ...env,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    api,
    baseUrl: api.baseUrl,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: api.baseUrl,
        locale: options.locale ?? 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(10_000);
      return context.newPage();
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
}
