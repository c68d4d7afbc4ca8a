import type { Page } from 'playwright-core';
import { Clock, freePort } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule } from '../support/rulebook-fixtures';
import type { TestUser } from '../support/test-world';
import { oidcSettings, startOidcTestProvider, type OidcTestProvider } from '../support/oidc-test-provider';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

const SET_MAPPING = `mutation($input: SetIdentityGroupMappingInput!) { setIdentityGroupMapping(input: $input) { id } }`;
const HALF_HOUR = 30 * 60_000;

// Signing in at the call centre's identity provider (a real oidc-provider on 127.0.0.1, its
// own login and consent pages), in the console and the desktop; then a whole shift in the
// console with both clocks moved, without ever being asked for a password.
describe('single sign-on and a shift-long session', () => {
  let provider: OidcTestProvider;
  let stack: BrowserStack;
  let admin: TestUser;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startOidcTestProvider(`http://127.0.0.1:${port}/auth/oidc/callback`);
    stack = await startBrowserStack(oidcSettings(provider, port));
    admin = await stack.api.world.newUser(Role.ADMIN);
    const place = await stack.api.world.newSite();
    for (const [group, role] of [
      ['cc-operators', 'OPERATOR'],
      ['cc-leads', 'MANAGER'],
    ] as const) {
      await stack.api.graphql.ok(SET_MAPPING, { input: { group, role, siteId: place.site.id, teamId: place.team.id } }, { token: admin.token });
    }
    await stack.api.app.get(RulebookPublisher).publish({
      changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001', { title: 'Remboursement sans justificatif' }) }],
    });
  });
  afterAll(async () => {
    await stack.close();
    await provider.close();
  });

  /** The provider's own development pages: any password, then consent. */
  async function throughProvider(page: Page, subject: string): Promise<void> {
    await page.locator('input[name="login"]').fill(subject);
    await page.locator('input[name="password"]').fill('mot-de-passe-du-centre');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('signs a manager in to the console through the provider, placed by their group, with no provider token in the page', async () => {
    provider.accounts.set('lea.martin', { email: 'lea.martin@centre.example', name: 'Léa Martin', groups: ['cc-leads'] });
    const page = await stack.newPage();
    await page.goto('/login');
    const button = page.getByRole('link', { name: 'Se connecter avec Fournisseur de test' });
    await button.waitFor();
    await expectAccessible(page, 'login with single sign-on');
    await page.screenshot({ path: `${process.env['PEPITE_SCREENSHOT_DIR'] ?? '/tmp'}/i18-sso-login.png` });
    
    // First in the page, before the password form.
    await expect(page.evaluate(() => document.querySelector('main a, main input')?.tagName)).resolves.toBe('A');
    await button.click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await throughProvider(page, 'lea.martin');
    await page.waitForURL((url) => url.origin === stack.baseUrl && url.pathname === '/triage');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'File de tri' }).waitFor();
    // Cookies ignore ports: the provider's own (`_session`, `_interaction`…) share 127.0.0.1; Pépite's is the refresh cookie alone.
    const ours = (await page.context().cookies()).filter((cookie) => !cookie.name.startsWith('_'));
    expect(ours.map((cookie) => cookie.name)).toEqual(['pepite_session']);
    expect(ours[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toMatch(/id_token|refresh_token/);
    await page.context().close();
  });

  it('shows the refusal page to a person whose groups map to nothing', async () => {
    provider.accounts.set('sans.groupe', { email: 'sans.groupe@centre.example', groups: ['marketing'] });
    const page = await stack.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Se connecter avec Fournisseur de test' }).click();
    await throughProvider(page, 'sans.groupe');
    await page.getByRole('heading', { name: 'Connexion refusée' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('ne donnent accès à aucun rôle');
    await expectAccessible(page, 'single sign-on refused');
    await page.screenshot({ path: `${process.env['PEPITE_SCREENSHOT_DIR'] ?? '/tmp'}/i18-sso-refused.png` });
    
    await page.getByRole('link', { name: 'Revenir à la connexion' }).click();
    await page.waitForURL('**/login');
    await page.context().close();
  });

  it('signs an operator in to the desktop through the provider', async () => {
    provider.accounts.set('nora.benali', { email: 'nora.benali@centre.example', name: 'Nora Benali', groups: ['cc-operators'] });
    const page = await stack.newPage();
    await page.goto('/desktop/');
    await page.getByRole('link', { name: 'Se connecter avec Fournisseur de test' }).click();
    await throughProvider(page, 'nora.benali');
    await page.waitForURL((url) => url.origin === stack.baseUrl && url.pathname === '/desktop/');
    await page.getByText('Nora Benali').waitFor();
    await page.getByRole('heading', { level: 1, name: /Référentiel — version/ }).waitFor();
    await page.screenshot({ path: `${process.env['PEPITE_SCREENSHOT_DIR'] ?? '/tmp'}/i18-sso-desktop.png` });
    await page.context().close();
  });

  it('lets an admin map a provider group to a role, site and team, and remove it, in the console', async () => {
    const page = await stack.newPage();
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Connexion unique' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion unique' }).waitFor();
    const table = page.getByRole('table', { name: 'Correspondances, par groupe' });
    await table.getByRole('rowheader', { name: 'cc-leads' }).waitFor();
    await expect(table.getByRole('row', { name: /cc-leads/ }).textContent()).resolves.toContain('Manager');

    await page.getByRole('button', { name: 'Ajouter une correspondance' }).click();
    await page.getByLabel('Groupe', { exact: true }).fill('cc-nuit');
    await page.getByRole('combobox', { name: /^Rôle/ }).selectOption({ label: 'Manager' });
    await expectAccessible(page, 'single sign-on mappings (form)');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Le groupe « cc-nuit » est enregistré.' }).waitFor();
    await table.getByRole('rowheader', { name: 'cc-nuit' }).waitFor();
    await page.screenshot({ path: `${process.env['PEPITE_SCREENSHOT_DIR'] ?? '/tmp'}/i18-sso-admin.png` });

    await page.getByRole('button', { name: 'Retirer le groupe cc-nuit' }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('status').filter({ hasText: 'Le groupe « cc-nuit » ne donne plus accès à Pépite.' }).waitFor();
    await expect(table.getByRole('rowheader', { name: 'cc-nuit' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('shows the provider first on a phone, in English too', async () => {
    const page = await stack.newPage({ locale: 'en-GB' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/login');
    await page.getByRole('link', { name: 'Sign in with Fournisseur de test' }).waitFor();
    await expectAccessible(page, 'login with single sign-on (phone, English)');
    await page.screenshot({ path: `${process.env['PEPITE_SCREENSHOT_DIR'] ?? '/tmp'}/i18-sso-login-phone-en.png` });
    await page.context().close();
  });

  it('keeps the console signed in through a 9-hour shift, clocks moved, and the pépin being written is not lost', async () => {
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const page = await stack.newPage();
    await page.clock.install();
    await signIn(page, operator);
    await page.goto('/pepins/new');
    await page.getByRole('heading', { level: 1, name: 'Signaler un pépin' }).waitFor();
    const title = 'Remboursement refusé après trente jours';
    const story = 'Une cliente voulait être remboursée trente et un jours après sa commande.';
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Ce qui s’est passé').fill(story);
    const serverClock = stack.api.app.get(Clock);
    let renewals = 0;
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/auth/refresh' && response.status() === 200) renewals++;
    });
    for (let step = 1; step <= 18; step++) {
      // Half an hour passes for the API and for the browser (timers due meanwhile fire, as after a closed lid).
      serverClock.advance(HALF_HOUR);
      await page.clock.fastForward(HALF_HOUR);
      await page.getByLabel('Ce qui s’est passé').press('End');
      expect(new URL(page.url()).pathname).toBe('/pepins/new');
      await expect(page.getByLabel('Mot de passe').count()).resolves.toBe(0);
    }
    await expect(page.getByLabel('Titre').inputValue()).resolves.toBe(title);
    await expect(page.getByLabel('Ce qui s’est passé').inputValue()).resolves.toBe(story);
    // Nine hours later the pépin still goes through: the session renewed itself all along.
    await page.getByLabel('Aucune règle ne couvre ce cas').check();
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    await page.getByRole('heading', { name: /Votre pépin PEP-\d+ est enregistré/ }).waitFor();
    // Renewed silently along the way: with a 3-hour idle timeout, fewer than three renewals could not have lasted nine hours.
    expect(renewals).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });
});
