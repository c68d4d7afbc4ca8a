import { Role } from '@pepite/api/identity';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

// The console's frame: sign-in, landing per role, navigation per role, language, sign-out.
describe('console shell', () => {
  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack();
  });
  afterAll(() => stack.close());

  it('signs a manager in to the triage queue, with the manager navigation, and out again', async () => {
    const manager = await stack.api.world.newUser(Role.MANAGER);
    const page = await stack.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await expectAccessible(page, 'login');

    await signIn(page, manager);
    expect(new URL(page.url()).pathname).toBe('/triage');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'File de tri' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Signaler un pépin' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.goto('/triage');
    await page.waitForURL('**/login');
    await page.context().close();
  });

  it('lands an operator on their pépins and refuses them a manager screen', async () => {
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const page = await stack.newPage();
    await signIn(page, operator);
    expect(new URL(page.url()).pathname).toBe('/my-pepins');
    await page.goto('/insights');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('réservé à un autre rôle');
    await page.context().close();
  });

  it('switches to English and remembers it', async () => {
    const page = await stack.newPage();
    await page.goto('/login');
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in to Pépite' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Pépite' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });

  it('rejects a wrong password with the API’s message in French', async () => {
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const page = await stack.newPage();
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(operator.email);
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/mot de passe|identifiants/i);
    await page.context().close();
  });
});
