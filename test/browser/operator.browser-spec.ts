import { Role } from '@pepite/api/identity';
import type { Page } from 'playwright-core';
import { PepinStatus } from '@pepite/api/pepins';
import { PEPIN_LIMITS } from '@pepite/pepin-form';
import { moveTo } from '../support/pepin-graphql';
import type { TestUser } from '../support/test-world';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

const ASK_REPORTER = `mutation Ask($pepinId: ID!, $body: String!) { askReporter(pepinId: $pepinId, body: $body) { id } }`;

// The operator's side of the console: file (seeing look-alikes first), follow, answer, be told.
describe('operator screens', () => {
  let stack: BrowserStack;
  let operator: TestUser;
  let colleague: TestUser;
  let manager: TestUser;
  let similar: { id: string; reference: string };
  let site: Awaited<ReturnType<BrowserStack['api']['world']['newSite']>>;

  beforeAll(async () => {
    stack = await startBrowserStack();
    site = await stack.api.world.newSite();
    operator = await stack.api.world.newUser(Role.OPERATOR, { site });
    colleague = await stack.api.world.newUser(Role.OPERATOR, { site });
    manager = await stack.api.world.newUser(Role.MANAGER, { site });
    // Filed earlier by a colleague of the same site: the look-alike the form must show.
    similar = await stack.api.world.newPepin(colleague, {
      title: 'Remboursement refusé au-delà de trente jours',
      description: 'Le client demandait le remboursement de sa commande après trente-deux jours, la règle l’interdit.',
    });
  });
  afterAll(() => stack.close());

  /** The top bar's link, whose accessible name carries the unread count. */
  function bell(page: Page, name: string | RegExp) {
    return page.getByRole('banner').getByRole('link', { name });
  }

  it('files a pépin after seeing a similar one, follows it, answers a manager and is told live', async () => {
    const page = await stack.newPage();
    await signIn(page, operator);
    expect(new URL(page.url()).pathname).toBe('/my-pepins');
    await page.getByText('Vous n’avez encore signalé ou soutenu aucun pépin.').waitFor();

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Signaler un pépin' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Signaler un pépin' }).waitFor();
    await page.getByLabel('Titre').fill('Remboursement refusé après trente jours');
    await page
      .getByLabel('Ce qui s’est passé')
      .fill(
        'Une cliente voulait être remboursée trente et un jours après sa commande : la règle m’a obligé à refuser.',
      );
    // While typing: the colleague's pépin, with its "me too".
    const similarList = page.getByRole('region', { name: 'Des pépins qui ressemblent au vôtre' });
    await similarList.getByText(similar.reference).waitFor();
    await similarList.getByRole('button', { name: new RegExp(`Moi aussi : ${similar.reference}`) }).waitFor();
    await expect(page.getByText(/les managers ne voient jamais qui l’a signalé/).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'file a pépin (with similar pépins)');

    // The desktop's words and the API's limits.
    const impact = page.getByLabel('Impact pour le client');
    await expect(impact.locator('option').allTextContents()).resolves.toEqual(['Aucun', 'Mineur', 'Majeur', 'Critique']);
    await impact.selectOption('MAJOR');
    await expect(page.getByLabel('Référence de l’appel (facultatif)').getAttribute('maxlength')).resolves.toBe(
      String(PEPIN_LIMITS.callReference.max),
    );
    await page.getByLabel('Montrer mon nom aux managers').waitFor();
    // Neither a rule nor "no rule covers this": the operator is asked to say which.
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Indiquez la règle concernée, ou cochez « Aucune règle ne couvre ce cas ».' })
      .waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).resolves.toBe('true');
    await page.getByLabel('Aucune règle ne couvre ce cas').check();
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    const confirmation = page.getByRole('heading', { name: /Votre pépin PEP-\d+ est enregistré/ });
    await confirmation.waitFor();
    const reference = /PEP-\d+/.exec((await confirmation.textContent()) ?? '')?.[0] ?? '';
    expect(reference).not.toBe('');
    expect(reference).not.toBe(similar.reference);

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes pépins' })
      .click();
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Nouveau');
    await expect(row.textContent()).resolves.toContain('Signalé par vous');
    await expect(row.textContent()).resolves.toMatch(/Due dans/);
    await expectAccessible(page, 'my pépins');

    await row.getByRole('link', { name: new RegExp(reference) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    const history = page.getByRole('region', { name: 'Historique' });
    await expect(history.getByRole('listitem').first().textContent()).resolves.toContain('Signalé');
    await expect(page.getByText('Anonyme : les managers ne savent pas que c’est vous.').isVisible()).resolves.toBe(
      true,
    );
    await bell(page, 'Notifications, aucune non lue').waitFor();

    // A manager asks a question through the API: the bell and the thread update without a reload.
    const pepinId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const question = 'Pouvez-vous préciser le montant de la commande ?';
    await stack.api.graphql.ok(ASK_REPORTER, { pepinId, body: question }, { token: manager.token });
    await bell(page, 'Notifications, 1 non lue').waitFor();
    await page.getByRole('status').filter({ hasText: 'Nouvelle notification' }).waitFor();
    await page.getByText(question).waitFor();
    await expectAccessible(page, 'pépin detail (with a question)');

    const answer = 'La commande faisait 89 euros, payée par carte.';
    await page.getByLabel('Votre réponse aux managers').fill(answer);
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await page.getByText('Réponse envoyée.').waitFor();
    await page.getByText(answer).waitFor();
    await expect(page.getByLabel('Votre réponse aux managers').inputValue()).resolves.toBe('');

    // The notification: listed unread, leads back to the pépin, marked read.
    await bell(page, 'Notifications, 1 non lue').click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const list = page.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' });
    const item = list.getByRole('listitem').filter({ hasText: 'Un manager vous pose une question' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Non lue');
    await expect(item.getByRole('link', { name: `Voir le pépin ${reference}` }).getAttribute('href')).resolves.toBe(
      `/my-pepins/${pepinId}`,
    );
    await expectAccessible(page, 'notifications');
    await item.getByRole('button', { name: /Marquer comme lu/ }).click();
    await bell(page, 'Notifications, aucune non lue').waitFor();
    await expect(item.textContent()).resolves.toContain('Lue');

    // Opening a notification (following its link) marks it read as well.
    await stack.api.graphql.ok(ASK_REPORTER, { pepinId, body: 'Et la date de la commande ?' }, { token: manager.token });
    await bell(page, 'Notifications, 1 non lue').waitFor();
    const next = list.getByRole('listitem').filter({ hasText: 'Non lue' });
    await next.getByRole('link', { name: `Voir le pépin ${reference}` }).click();
    await page.waitForURL((url) => url.pathname === `/my-pepins/${pepinId}`);
    await bell(page, 'Notifications, aucune non lue').waitFor();
    await page.context().close();
  });

  it('takes the rule from the desktop link and says "me too" instead of filing again', async () => {
    const supporter = await stack.api.world.newUser(Role.OPERATOR, { site });
    const page = await stack.newPage();
    await signIn(page, supporter);
    await page.goto('/pepins/new?rule=REFUND-004&version=3');
    await expect(page.getByLabel('Clé de la règle').inputValue()).resolves.toBe('REFUND-004');
    await expect(page.getByLabel('Version du règlement').inputValue()).resolves.toBe('3');
    await page.getByText('Règle reprise depuis votre poste : REFUND-004 (version 3).').waitFor();

    await page.getByLabel('Titre').fill('Remboursement refusé à trente jours pile');
    // Too short a description: the API says why, next to the form, and nothing is filed.
    await page.getByLabel('Ce qui s’est passé').fill('Trop court.');
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    await page.getByRole('alert').filter({ hasText: /20/ }).waitFor();
    await expect(page.getByRole('heading', { name: /est enregistré/ }).count()).resolves.toBe(0);
    const similarList = page.getByRole('region', { name: 'Des pépins qui ressemblent au vôtre' });
    await similarList.getByRole('button', { name: new RegExp(`Moi aussi : ${similar.reference}`) }).click();
    await similarList.getByText('Vous soutenez ce pépin.').waitFor();

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes pépins' })
      .click();
    const row = page.getByRole('row', { name: new RegExp(similar.reference) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Soutenu par vous');
    await page.context().close();
  });

  it('asks for a double écoute, then shows the pépite once a release answers the pépin', async () => {
    const reporter = await stack.api.world.newUser(Role.OPERATOR, { site });
    const pepin = await stack.api.world.newPepin(reporter, { title: 'Échange impossible sans ticket de caisse' });
    const page = await stack.newPage();
    await signIn(page, reporter);
    await page.goto(`/my-pepins/${pepin.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(pepin.reference) }).waitFor();

    await page.getByLabel('Manager choisi·e').selectOption({ label: manager.displayName });
    await page
      .getByLabel('Pourquoi cette double écoute ? (facultatif)')
      .fill('Le client était très remonté, je voudrais un avis.');
    await page.getByRole('button', { name: 'Demander une double écoute' }).click();
    await page.getByText(`Demande envoyée à ${manager.displayName}.`).waitFor();
    const sessions = page.getByRole('region', { name: 'Double écoute' });
    await sessions
      .getByRole('listitem')
      .filter({ hasText: `Avec ${manager.displayName}` })
      .filter({ hasText: 'Demandée' })
      .waitFor();

    for (const status of [PepinStatus.ACKNOWLEDGED, PepinStatus.IN_DESIGN, PepinStatus.IN_VOTE]) {
      await moveTo(stack.api, manager, [pepin.id], status);
    }
    await moveTo(
      stack.api,
      manager,
      [pepin.id],
      PepinStatus.PUBLISHED,
      'Réponse publiée dans la version 7 du règlement (P-1). / Answered in rulebook release 7 (P-1).',
    );
    // Told live: the detail refreshes itself when the notification arrives.
    const pepite = page.getByRole('region', { name: 'Votre pépin est devenu une pépite' });
    await pepite.waitFor();
    await expect(pepite.textContent()).resolves.toContain('Publiée dans la version 7 du règlement');
    await expectAccessible(page, 'pépin detail (pépite)');

    await page.getByRole('link', { name: 'Retour à mes pépins' }).click();
    const row = page.getByRole('row', { name: new RegExp(pepin.reference) });
    await expect(row.textContent()).resolves.toContain('Devenu pépite');
    await page.context().close();
  });
});
