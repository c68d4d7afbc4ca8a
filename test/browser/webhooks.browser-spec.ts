import path from 'node:path';
import { Role } from '@pepite/api/identity';
import { acknowledgedPepin } from '../support/proposal-graphql';
import { WebhookReceiver } from '../support/webhook-receiver';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

/** `PEPITE_SCREENSHOTS=1` refreshes docs/screenshots/webhooks.png; the English and phone views go to /tmp. */
const SHOTS = process.env['PEPITE_SCREENSHOTS'] === '1' ? path.resolve(__dirname, '../../docs/screenshots') : null;
const OTHER_SHOTS = process.env['PEPITE_SCREENSHOT_DIR'] ?? '/tmp';

// The webhooks screen: an admin registers a receiver with the keyboard, an event happens, the delivery shows in the log.
describe('webhooks (console)', () => {
  let stack: BrowserStack;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // The receiver is on the loopback: allowed by configuration. A failed call waits ten minutes, so the log shows when it comes next.
    stack = await startBrowserStack({ WEBHOOK_ALLOWED_TARGETS: '127.0.0.1', WEBHOOK_RETRY_DELAY_SECONDS: '600' });
  });
  afterAll(async () => {
    await stack.close();
    await receiver.close();
  });

  it('is not offered to a manager, who may not use it', async () => {
    const manager = await stack.api.world.newUser(Role.MANAGER);
    const page = await stack.newPage();
    await signIn(page, manager);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'File de tri' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Webhooks' }).count()).resolves.toBe(0);
    await page.goto('/admin/webhooks');
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('button', { name: 'Enregistrer un webhook' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('registers a webhook, shows its secret once, and logs the delivery of an event and a failing one', async () => {
    receiver.answer = (at) => (at === '/failing' ? 500 : 200);
    const admin = await stack.api.world.newUser(Role.ADMIN);
    const operator = await stack.api.world.newUser(Role.OPERATOR);
    const manager = await stack.api.world.newUser(Role.MANAGER);
    const page = await stack.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('Aucun webhook enregistré.').waitFor();
    await expectAccessible(page, 'webhooks empty');

    // Register with the keyboard: URL, then only "pépin pris en compte", Teams left off.
    for (const [target, events] of [[receiver.url('/crm'), ['Pépin pris en compte']], [receiver.url('/failing'), ['Pépin pris en compte']]] as const) {
      await page.getByRole('button', { name: 'Enregistrer un webhook' }).click();
      const form = page.getByRole('form', { name: 'Nouveau webhook' });
      await page.keyboard.type(target);
      for (const checked of ['Pépin signalé', 'Pépin pris en compte', 'Pépin devenu pépite']) {
        if (!events.includes(checked as never)) await form.getByRole('checkbox', { name: new RegExp(checked) }).uncheck();
      }
      await expect(form.getByRole('radio', { name: 'JSON signé (documenté et versionné)' }).isChecked()).resolves.toBe(true);
      await form.getByRole('button', { name: 'Enregistrer le webhook' }).focus();
      await page.keyboard.press('Enter');
      const secret = page.getByRole('region', { name: 'Secret de signature' });
      await expect(secret.getByLabel('Secret de signature').inputValue()).resolves.toMatch(/^whsec_/);
      await expect(secret.getByLabel('Secret de signature').evaluate((input) => input === document.activeElement)).resolves.toBe(true);
      await page.getByRole('status').filter({ hasText: `Le webhook ${target} est enregistré.` }).waitFor();
      await secret.getByRole('button', { name: 'J’ai copié le secret' }).click();
      await expect(secret.count()).resolves.toBe(0);
    }

    // An event: a manager acknowledges a pépin; the receiver hears it, the log shows it.
    await acknowledgedPepin(stack.api, operator, manager);
    const call = await receiver.waitFor(() => receiver.to('/crm').find((c) => c.headers['x-pepite-event'] === 'pepin.acknowledged'));
    await receiver.waitFor(() => receiver.to('/failing')[0]);
    const openLog = async (at: string) => {
      const button = page.getByRole('article', { name: receiver.url(at) }).getByRole('button', { name: `Journal des envois de ${receiver.url(at)}` });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    };
    await openLog('/crm');
    const delivered = page.getByRole('article', { name: receiver.url('/crm') }).getByRole('row').filter({ hasText: 'Pépin pris en compte' });
    await delivered.filter({ hasText: 'Livré' }).waitFor();
    await expect(delivered.textContent()).resolves.toMatch(/Livré.*200.*1/);

    // The failing one: its error, and when it is tried next (pg-boss's backoff).
    await openLog('/failing');
    const pending = page.getByRole('article', { name: receiver.url('/failing') }).getByRole('row').filter({ hasText: 'HTTP 500' });
    await pending.waitFor();
    await expect(pending.textContent()).resolves.toMatch(/En cours.*500.*1.*\d{2}:\d{2}.*HTTP 500/);
    // Coming back to the screen, the card counts the failure.
    await page.reload();
    await page.getByRole('article', { name: receiver.url('/failing') }).getByText('1 échec d’affilée').waitFor();
    await openLog('/crm');
    await openLog('/failing');
    await pending.waitFor();
    expect(call.headers['x-pepite-delivery']).toEqual(expect.any(String));
    await expectAccessible(page, 'webhooks delivery log');
    if (SHOTS) {
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: path.join(SHOTS, 'webhooks.png') });
    }

    // Disable, then delete with a confirmation, all from the keyboard.
    const failingNow = page.getByRole('article', { name: receiver.url('/failing') });
    await failingNow.getByRole('button', { name: `Désactiver le webhook ${receiver.url('/failing')}` }).click();
    await page.getByRole('status').filter({ hasText: `Le webhook ${receiver.url('/failing')} est désactivé.` }).waitFor();
    await failingNow.getByText('Désactivé le', { exact: false }).waitFor();
    await failingNow.getByRole('button', { name: `Supprimer le webhook ${receiver.url('/failing')}` }).click();
    await expect(page.getByRole('button', { name: 'Confirmer' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Le webhook ${receiver.url('/failing')} est supprimé.` }).waitFor();
    await expect(page.getByRole('article', { name: receiver.url('/failing') }).count()).resolves.toBe(0);

    // In English, and on a phone: nothing wider than the screen.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByRole('button', { name: 'Register a webhook' }).waitFor();
    await page.getByRole('article', { name: receiver.url('/crm') }).getByRole('row').filter({ hasText: 'Pépin acknowledged' }).filter({ hasText: 'Delivered' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OTHER_SHOTS, 'webhooks-en.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(OTHER_SHOTS, 'webhooks-phone-en.png'), fullPage: true });
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Enregistrer un webhook' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(OTHER_SHOTS, 'webhooks-phone-fr.png'), fullPage: true });
    await page.context().close();
  });
});
