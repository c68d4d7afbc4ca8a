import { Role } from '@pepite/api/identity';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

const PREFERENCES = '{ myNotificationPreferences { kind mode } }';

// The notification preferences screen: reached from the notifications page, changed with the keyboard.
describe('notification preferences (console)', () => {
  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack();
  });
  afterAll(() => stack.close());

  it('lets an operator choose, with the keyboard, how each kind reaches her by e-mail, in French', async () => {
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const page = await stack.newPage();
    await signIn(page, operator);
    await page.goto('/notifications');
    await page.getByRole('link', { name: 'Préférences de notification' }).click();
    await page.getByRole('heading', { name: 'Préférences de notification' }).waitFor();
    await expectAccessible(page, 'notification preferences');

    const question = page.getByRole('group', { name: 'Question d’un manager' });
    await expect(question.getByRole('radio', { name: /Tout de suite/ }).isChecked()).resolves.toBe(true);
    await question.getByRole('radio', { name: /Tout de suite/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(question.getByRole('radio', { name: /Résumé quotidien/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Vos préférences sont enregistrées.' }).waitFor();
    await page.screenshot({ path: 'docs/screenshots/notification-preferences.png', fullPage: false });

    const saved = await stack.api.graphql.ok<{ myNotificationPreferences: { kind: string; mode: string }[] }>(PREFERENCES, {}, { token: operator.token });
    expect(saved.myNotificationPreferences.find((p) => p.kind === 'PEPIN_QUESTION')?.mode).toBe('DIGEST');
    expect(saved.myNotificationPreferences.find((p) => p.kind === 'PEPIN_PUBLISHED')?.mode).toBe('IMMEDIATE');
    await page.context().close();
  });

  it('reads in English for a manager, and fits a phone', async () => {
    const manager = await stack.api.world.newUser(Role.MANAGER, { locale: 'en' });
    const page = await stack.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, manager);
    await page.getByLabel('Langue').selectOption('en');
    await page.goto('/settings/notifications');
    await page.getByRole('heading', { name: 'Notification preferences' }).waitFor();
    const dueSoon = page.getByRole('group', { name: 'Pépin due for acknowledgement within 24 h' });
    await expect(dueSoon.getByRole('radio', { name: /At once/ }).isChecked()).resolves.toBe(true);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'docs/screenshots/notification-preferences-phone.png', fullPage: false });
    await page.context().close();
  });
});
