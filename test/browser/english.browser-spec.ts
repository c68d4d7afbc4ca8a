import { RulebookPublisher } from '@pepite/api/rulebook';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-people';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data';
import { sampleRule } from '../support/rulebook-fixtures';
import { englishProblems, peoplesWords, startBrowserStack, type BrowserStack } from './support';

/**
 * Every screen of the console (as operator, manager and admin) and of the desktop, on the demo
 * call centre, read by a browser set to English, at 1280×720 and on a phone (390×844): no
 * French word of the interface (people's own words are left out: they stay as written), and
 * no text cut by its box or pushed past the window's edge.
 */
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
];

describe('English screens', () => {
  let stack: BrowserStack;
  let known: string[];
  const problems: string[] = [];

  beforeAll(async () => {
    stack = await startBrowserStack();
    await loadDemoData(stack.api.app, () => undefined);
    known = await peoplesWords(stack.api);
  }, 300_000);
  afterAll(() => stack.close());

  async function consoleAs(email: string): Promise<Page> {
    const page = await stack.newPage({ locale: 'en-GB' });
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
    return page;
  }

  /** The screen once its data is there: a heading, and no "Loading…" left. */
  async function settled(page: Page): Promise<void> {
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !/Loading|Chargement/.test(document.body.innerText) && !document.querySelector('[aria-busy="true"]'));
  }

  async function check(page: Page, screen: string): Promise<void> {
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await settled(page);
      problems.push(...(await englishProblems(page, `${screen} @${viewport.width}`, known)));
    }
    await page.setViewportSize(VIEWPORTS[0] as { width: number; height: number });
  }

  async function visit(page: Page, path: string): Promise<void> {
    await page.goto(path);
    await check(page, path);
  }

  /** The distinct links of the page whose address matches, in page order. */
  async function links(page: Page, pattern: RegExp, max = 50): Promise<string[]> {
    await settled(page);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return [...new Set(hrefs.filter((href) => pattern.test(href)))].slice(0, max);
  }

  it('walks the console as an operator', async () => {
    const page = await consoleAs('operator1@pepite.demo');
    for (const path of ['/', '/pepins/new', '/notifications', '/proposals']) await visit(page, path);
    await visit(page, '/my-pepins');
    for (const path of await links(page, /^\/my-pepins\/[0-9a-f-]{36}$/, 6)) await visit(page, path);
    await page.goto('/proposals');
    for (const path of await links(page, /^\/proposals\/[0-9a-f-]{36}$/, 6)) await visit(page, path);
    await page.context().close();
  }, 300_000);

  it('walks the console as a manager', async () => {
    const page = await consoleAs('manager1@pepite.demo');
    for (const path of ['/', '/triage?status=ALL', '/proposals/new', '/publish', '/releases', '/releases/compare', '/insights', '/notifications']) {
      await visit(page, path);
    }
    await visit(page, '/triage');
    await page.goto('/triage?status=ALL');
    for (const path of await links(page, /^\/triage\/[0-9a-f-]{36}$/, 8)) await visit(page, path);
    await visit(page, '/proposals');
    for (const path of await links(page, /^\/proposals\/[0-9a-f-]{36}$/)) {
      await visit(page, path);
      for (const more of await links(page, /^\/proposals\/[0-9a-f-]{36}\/(edit|vote)$/)) await visit(page, more);
    }
    await page.context().close();
  }, 600_000);

  it('walks the console as an admin', async () => {
    const page = await consoleAs('admin@pepite.demo');
    for (const path of ['/', '/admin/users', '/admin/sites', '/admin/webhooks', '/insights', '/releases', '/triage']) await visit(page, path);
    await page.context().close();
  }, 300_000);

  it('walks the desktop as an operator', async () => {
    const page = await stack.newPage({ locale: 'en-GB' });
    await page.goto('/desktop/');
    await page.getByLabel('Email address').fill('operator1@pepite.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /^Rulebook — version/ }).waitFor();
    await check(page, 'desktop rulebook');

    await page.getByRole('listbox', { name: 'Rules' }).getByRole('option').first().click();
    await page.getByRole('button', { name: /^Report a pépin on rule/ }).waitFor();
    await check(page, 'desktop rule');
    await page.getByRole('button', { name: /^Report a pépin on rule/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Report a pépin' }).waitFor();
    await check(page, 'desktop report form');
    await page.keyboard.press('Escape');

    await page.getByLabel('Search a rule').fill('parrainage');
    await page.getByRole('button', { name: 'Report a case no rule covers' }).click();
    await page.getByRole('heading', { level: 2, name: 'Report a case no rule covers' }).waitFor();
    await check(page, 'desktop no-rule report');
    await page.keyboard.press('Escape');
    await page.getByLabel('Search a rule').fill('');

    const follow = page.getByRole('navigation', { name: 'My follow-up' });
    await follow.getByRole('button', { name: /^My pépins/ }).click();
    await page.getByRole('heading', { level: 2, name: 'My pépins' }).waitFor();
    await check(page, 'desktop my pépins');
    await page.getByRole('region', { name: 'My pépins' }).getByRole('button', { expanded: false }).first().click();
    await check(page, 'desktop pépin conversation');
    await follow.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor();
    await check(page, 'desktop notifications');

    // A release while the desktop is open: the announcement and "What changed", proposals listed in English.
    const release = await stack.api.app.get(RulebookPublisher).publish({
      changes: [{ kind: 'CREATE', rule: sampleRule('WALK-001', { category: 'Remboursements', title: 'Parrainage d’un proche' }) }],
      proposals: ['PROP-000001'],
    });
    await page.getByRole('status').filter({ hasText: `New rulebook version ${release.version}` }).waitFor();
    await check(page, 'desktop update banner');
    await page.getByRole('button', { name: 'See what changed' }).click();
    await page.getByRole('heading', { level: 2, name: 'What changed' }).waitFor();
    await page.getByText('Proposals: PROP-000001').waitFor();
    await check(page, 'desktop what changed');
    await page.context().close();
  }, 300_000);

  it('found no French word and no cut text', () => {
    expect(problems).toEqual([]);
  });
});
