import { Role } from '@pepite/api/identity';
import { PepinFiling } from '@pepite/api/pepins';
import { RulebookPublisher } from '@pepite/api/rulebook';
import type { Page } from 'playwright-core';
import { sampleRule } from '../support/rulebook-fixtures';
import { authenticated, type TestUser } from '../support/test-world';
import { signIn, startBrowserStack, type BrowserStack } from './support';

/**
 * The console and the desktop under the API's Content-Security-Policy: every screen that
 * loads scripts, styles, charts (recharts' SVG), graphql-ws and the SSE feed works, and the
 * browser reports no violation at all.
 */
describe('Content-Security-Policy of the console and the desktop', () => {
  let stack: BrowserStack;
  let operator: TestUser;
  let manager: TestUser;
  const violations: string[] = [];

  beforeAll(async () => {
    stack = await startBrowserStack();
    const site = await stack.api.world.newSite();
    operator = await stack.api.world.newUser(Role.OPERATOR, { site });
    manager = await stack.api.world.newUser(Role.MANAGER, { site });
    await stack.api.app.get(RulebookPublisher).publish({
      changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001', { title: 'Remboursement sans justificatif' }) }],
    });
    await stack.api.app
      .get(PepinFiling)
      .filePepin(authenticated(operator), { title: 'Remboursement bloqué', description: 'La règle ne prévoit pas le colis perdu par le transporteur.', ruleKey: 'REFUND-001' });
  });
  afterAll(() => stack.close());

  /** A page that records every CSP violation and every console message about one. */
  async function watchedPage(): Promise<Page> {
    const page = await stack.newPage();
    // Injected through DevTools, so the policy under test does not apply to it.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const seen = ((window as unknown as { __csp?: string[] }).__csp ??= []);
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
    return page;
  }

  async function expectNoViolation(page: Page, label: string): Promise<void> {
    const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect([label, [...seen, ...violations]]).toEqual([label, []]);
  }

  it('does see a violation when there is one (the control): an image from another origin is refused', async () => {
    const page = await watchedPage();
    await page.goto('/login');
    // 127.0.0.2 is another origin on this machine; the policy blocks the load before any request.
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'http://127.0.0.2:9/probe.png';
      document.body.append(image);
    });
    await page.waitForFunction(() => ((window as unknown as { __csp?: string[] }).__csp ?? []).length > 0);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp)).toEqual([expect.stringMatching(/^img-src http:\/\/127\.0\.0\.2/)]);
    violations.length = 0;
  });

  it('serves the console with the policy', async () => {
    const response = await fetch(`${stack.baseUrl}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    await response.arrayBuffer();
  });

  it('lets an operator use the console, live notifications (graphql-ws) included, without a violation', async () => {
    const page = await watchedPage();
    await signIn(page, operator);
    await page.goto('/my-pepins');
    await page.getByText('Remboursement bloqué').first().waitFor();
    await page.goto('/notifications');
    await page.waitForLoadState('networkidle');
    await expectNoViolation(page, 'operator console');
  });

  it('draws the managers’ charts (recharts SVG) without a violation', async () => {
    const page = await watchedPage();
    await signIn(page, manager);
    await page.goto('/insights');
    await page.locator('.recharts-surface').first().waitFor();
    await page.goto('/triage');
    await page.getByText('Remboursement bloqué').first().waitFor();
    await expectNoViolation(page, 'manager console');
  });

  it('runs the desktop (feed, live SSE, sign-in) without a violation', async () => {
    const page = await watchedPage();
    await page.goto('/desktop/');
    await page.getByLabel('Adresse e-mail').fill(operator.email);
    await page.getByLabel('Mot de passe').fill(operator.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('status').filter({ hasText: /En direct/ }).waitFor();
    await page.getByText('Remboursement sans justificatif').first().waitFor();
    await expectNoViolation(page, 'desktop');
  });
});
