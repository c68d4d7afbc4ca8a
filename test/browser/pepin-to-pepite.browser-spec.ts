import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import type { Page } from 'playwright-core';
import { sampleRule } from '../support/rulebook-fixtures';
import type { TestUser } from '../support/test-world';
import { signIn, startBrowserStack, type BrowserStack } from './support';

const LOST_PARCEL = sampleRule('DELIV-004', {
  category: 'Livraison',
  title: 'Colis déclaré perdu',
  statement: 'Ouvrir une enquête transporteur et attendre sa réponse (10 jours) avant tout renvoi.',
});
const NEW_STATEMENT = 'Renvoyer le colis tout de suite quand le suivi est muet depuis 5 jours, puis ouvrir l’enquête.';

/**
 * The whole loop, as people live it, in separate browsers: an operator reports a pépin from
 * the rule in front of them on the desktop; a manager acknowledges it and designs a
 * revised rule in the console; two managers approve it; the one who did not write it
 * publishes. The operator's desktop, left open, shows the new rule without a reload, and
 * the console tells the operator their pépin became a pépite.
 */
describe('from pépin to pépite, in the browser', () => {
  let stack: BrowserStack;
  let operator: TestUser;
  let designer: TestUser;
  let colleague: TestUser;

  beforeAll(async () => {
    stack = await startBrowserStack();
    const site = await stack.api.world.newSite();
    operator = await stack.api.world.newUser(Role.OPERATOR, { site });
    // The site's two managers: both vote, the one who did not design publishes (four eyes).
    designer = await stack.api.world.newUser(Role.MANAGER, { site });
    colleague = await stack.api.world.newUser(Role.MANAGER, { site });
    await stack.api.app.get(RulebookPublisher).publish({
      changes: [
        { kind: 'CREATE', rule: LOST_PARCEL },
        { kind: 'CREATE', rule: sampleRule('REFUND-001') },
      ],
      notes: 'Référentiel initial',
    });
  });
  afterAll(() => stack.close());

  async function approve(page: Page): Promise<void> {
    await page.getByLabel('Approuver').check();
    await page.getByRole('button', { name: 'Voter' }).click();
    await page.getByText('Vous avez voté : Approuver').waitFor();
  }

  it('takes a pépin filed on the desktop to a published pépite the desktop shows live', async () => {
    // 1. The operator, on the phone, finds the rule on the desktop and reports it.
    const desktop = await stack.newPage();
    await desktop.goto('/desktop/');
    await desktop.getByLabel('Adresse e-mail').fill(operator.email);
    await desktop.getByLabel('Mot de passe').fill(operator.password);
    await desktop.getByRole('button', { name: 'Se connecter' }).click();
    await desktop.getByRole('heading', { level: 1, name: 'Référentiel — version 1' }).waitFor();
    await desktop.keyboard.press('/');
    await desktop.keyboard.type('colis perdu');
    await desktop.keyboard.press('Enter');
    const rule = desktop.getByRole('article', { name: /Colis déclaré perdu/ });
    await rule.getByText(LOST_PARCEL.statement).waitFor();
    await rule.getByRole('button', { name: /Signaler un pépin/ }).click();
    await desktop.getByText('Règle DELIV-004 — révision 1, version 1 du référentiel').waitFor();
    await desktop.getByLabel('Titre').fill('Client sans colis depuis 9 jours');
    await desktop
      .getByLabel('Ce qui s’est passé')
      .fill('Le suivi ne bouge plus depuis 9 jours ; la règle impose d’attendre l’enquête, le client menace de résilier.');
    await desktop.getByLabel('Impact pour le client').selectOption('MAJOR');
    await desktop.getByRole('button', { name: 'Envoyer le pépin' }).click();
    const filed = desktop.getByRole('status').filter({ hasText: /Pépin PEP-\d+ enregistré/ });
    await filed.waitFor();
    const reference = /PEP-\d+/.exec((await filed.textContent()) ?? '')?.[0] ?? '';
    expect(reference).toMatch(/^PEP-\d+$/);
    await desktop.getByRole('button', { name: 'Retour à la règle' }).click();
    // Marks the page: a reload would lose it.
    await desktop.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    // The operator keeps the console open too, to hear back.
    const inbox = await desktop.context().newPage();
    await signIn(inbox, operator);

    // 2. A manager acknowledges it (anonymous: no name on it) and designs the new rule.
    const manager = await stack.newPage();
    await signIn(manager, designer);
    await manager.getByRole('link', { name: new RegExp(reference) }).click();
    await manager.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    await manager.getByText('Anonyme (le rapporteur n’a pas signé)').waitFor();
    expect(await manager.getByRole('main').textContent()).not.toContain(operator.displayName);
    await manager.getByRole('button', { name: 'Prendre en compte' }).click();
    await manager.getByText('Pépin pris en compte. Le rapporteur est prévenu.').waitFor();
    await manager.getByRole('link', { name: 'Concevoir une proposition' }).click();

    await manager.getByLabel('Titre de la proposition').fill('Renvoyer sans attendre l’enquête');
    await manager
      .getByLabel('Pourquoi ce changement')
      .fill('Attendre dix jours fait perdre des clients dont le colis est manifestement perdu.');
    await manager.getByRole('combobox', { name: /^Règle/ }).selectOption('DELIV-004');
    await manager.getByLabel('Ce qu’il faut faire').fill(NEW_STATEMENT);
    await manager.getByRole('button', { name: 'Créer la proposition' }).click();
    await manager.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await manager.getByRole('heading', { level: 1, name: 'Renvoyer sans attendre l’enquête' }).waitFor();
    // Added words are marked; "jours" is in both texts, so the mark ends before it.
    await manager.locator('ins', { hasText: 'muet depuis 5' }).first().waitFor();

    // 3. The vote: both managers approve.
    await manager.getByLabel('Quorum (facultatif)').fill('2');
    await manager.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await manager.waitForURL(/\/vote$/);
    await approve(manager);
    const second = await stack.newPage();
    await signIn(second, colleague);
    await second.goto(manager.url());
    await approve(second);
    await second.getByRole('heading', { name: 'Vote clos' }).waitFor();

    // 4. The other manager publishes release 2.
    await second.goto('/publish');
    await second.getByLabel(/Renvoyer sans attendre l’enquête/).check();
    await second.getByText('1 pépin deviendra une pépite').waitFor();
    await second.getByRole('button', { name: 'Publier la version 2' }).click();
    await second.getByRole('heading', { name: 'Version 2 publiée' }).waitFor();
    await second.getByText(`Devenus pépites : ${reference}`).waitFor();

    // 5. The operator's desktop, never reloaded, announces the release and shows the new rule.
    await desktop
      .getByRole('status')
      .filter({ hasText: 'Nouvelle version 2 du référentiel : 1 règle modifiée' })
      .waitFor();
    await rule.getByText(NEW_STATEMENT).waitFor();
    await rule.getByText('Modifié', { exact: true }).waitFor();
    expect(await desktop.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // 6. ...and the console tells them, live, that their pépin became a pépite.
    await inbox.getByRole('link', { name: /Notifications, [1-9]\d* non lues?/ }).click();
    await inbox
      .getByRole('main')
      .getByText(new RegExp(`${reference}.*est devenu une pépite`))
      .first()
      .waitFor();
    await inbox.goto('/my-pepins');
    const row = inbox.getByRole('row').filter({ hasText: reference });
    await row.getByText('Devenu pépite', { exact: false }).first().waitFor();
  });
});
