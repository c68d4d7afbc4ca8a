import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { PEPIN_LIMITS } from '@pepite/pepin-form';
import type { Page } from 'playwright-core';
import { PepinStatus } from '@pepite/api/pepins';
import { moveTo } from '../support/pepin-graphql';
import { sampleRule } from '../support/rulebook-fixtures';
import type { TestUser } from '../support/test-world';
import { expectAccessible, startBrowserStack, type BrowserStack } from './support';

const PEPINS = `query DesktopSpecPepins { pepins(first: 50) { edges { node { id reference ruleKey ruleVersion title noRuleApplies } } } }`;
const ASK_REPORTER = `mutation DesktopSpecAsk($pepinId: ID!, $body: String!) { askReporter(pepinId: $pepinId, body: $body) { id } }`;
const PUBLISH_ADVISORY = `mutation DesktopSpecAdvisory($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`;

const DUE_DATE = sampleRule('BILL-002', {
  category: 'Facturation',
  title: 'Report d’échéance de paiement',
  statement: 'Proposer un report d’échéance de quinze jours au plus, une fois par an.',
  tags: ['échéance', 'paiement'],
});
const INSTALMENTS = sampleRule('BILL-003', { category: 'Facturation', title: 'Échéancier en trois fois' });
const NEW_STATEMENT = 'Proposer un report d’échéance de trente jours au plus, deux fois par an.';
const NEW_ESCALATION = 'Au-delà, transmettre au superviseur de plateau.\n\nNoter le refus dans le dossier du client.';
/** "4 décembre 2026", as the desktop writes a date in Paris. */
const frenchDate = (date: Date) =>
  date.toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).replace(/^1 /, '1er ');

// The reference desktop, as an operator on the phone uses it: sign in, search, read, report,
// and stay current (live releases without reload, offline start from the stored copy).
describe('agent desktop', () => {
  let stack: BrowserStack;
  let operator: TestUser;
  let manager: TestUser;
  let firstVersion: number;
  let nextVersion: number;
  let page: Page;
  /** The pépin reported from BILL-002, which the next release answers. */
  let filed: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startBrowserStack();
    const site = await stack.api.world.newSite();
    operator = await stack.api.world.newUser(Role.OPERATOR, { site });
    manager = await stack.api.world.newUser(Role.MANAGER, { site });
    const release = await stack.api.app.get(RulebookPublisher).publish({
      changes: [
        { kind: 'CREATE', rule: sampleRule('REFUND-001', { title: 'Remboursement sans justificatif' }) },
        { kind: 'CREATE', rule: sampleRule('REFUND-002', { title: 'Remboursement partiel' }) },
        { kind: 'CREATE', rule: DUE_DATE },
      ],
    });
    firstVersion = release.version;
  });
  afterAll(() => stack.close());

  const rule = () => page.getByRole('article', { name: /Report d’échéance de paiement/ });
  const results = () => page.getByRole('listbox', { name: 'Règles' });

  async function signInToDesktop(page: Page): Promise<void> {
    await page.goto('/desktop/');
    await page.getByRole('heading', { level: 1, name: 'Connexion au poste conseiller' }).waitFor();
    await expectAccessible(page, 'desktop sign-in');
    await page.getByLabel('Adresse e-mail').fill(operator.email);
    await page.getByLabel('Mot de passe').fill(operator.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: `Référentiel — version ${firstVersion}` }).waitFor();
  }

  it('signs in and shows the rulebook by category', async () => {
    page = await stack.newPage();
    await signInToDesktop(page);
    const categories = page.getByRole('navigation', { name: 'Catégories' });
    await categories.getByRole('button', { name: 'Facturation (1)' }).waitFor();
    await categories.getByRole('button', { name: 'Remboursements (2)' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `En direct — version ${firstVersion}` })
      .waitFor();
    await expectAccessible(page, 'desktop rulebook');

    // English second, switched in place.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { level: 1, name: `Rulebook — version ${firstVersion}` }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: `Référentiel — version ${firstVersion}` }).waitFor();
  });

  it('finds an accented rule typed without accents and opens it with the keyboard', async () => {
    // "/" jumps to the search; no accents typed, the accented rule is found; Enter opens it.
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    await page.keyboard.type('rembours');
    await expect(results().getByRole('option').count()).resolves.toBe(2);
    await page.keyboard.press('ArrowDown');
    await results()
      .getByRole('option', { name: /Remboursement partiel/, selected: true })
      .waitFor();
    await page.keyboard.press('Escape');
    await expect(results().getByRole('option').count()).resolves.toBe(3);
    await page.keyboard.type('echeance');
    await expect(results().getByRole('option').count()).resolves.toBe(1);
    await results()
      .getByRole('option', { name: /Report d’échéance de paiement/ })
      .waitFor();
    await page.keyboard.press('Enter');

    for (const part of [
      'Ce qu’il faut faire',
      'Pourquoi',
      'Votre marge de manœuvre',
      'Quand la règle ne convient pas',
      'Les mots pour le client',
    ]) {
      await rule().getByRole('heading', { level: 3, name: part }).waitFor();
    }
    await rule().getByText(DUE_DATE.statement).waitFor();
    await rule()
      .getByText(`Clé BILL-002 · révision 1 · version ${firstVersion} du référentiel`, { exact: false })
      .waitFor();
    await rule().getByRole('button', { name: 'Copier' }).waitFor();
    await expectAccessible(page, 'desktop rule view');
  });

  it('reports a pépin from the rule, prefilled with its key and release', async () => {
    // Report a pépin from the rule: key and release are prefilled.
    await rule()
      .getByRole('button', { name: /Signaler un pépin/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Signaler un pépin' }).waitFor();
    await page.getByText(`Règle BILL-002 — révision 1, version ${firstVersion} du référentiel`).waitFor();
    await page.getByLabel('Titre').fill('Report refusé à un client fidèle');
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    await page.getByText('La description doit compter entre 20 et 4 000 caractères.').waitFor();
    await expect(page.getByText('Le titre doit compter entre 5 et 140 caractères.').count()).resolves.toBe(0);
    await page
      .getByLabel('Ce qui s’est passé')
      .fill(
        'Le client demandait un second report cette année, la règle ne le permet qu’une fois : il a raccroché fâché.',
      );
    await page.getByLabel('Impact pour le client').selectOption('MAJOR');
    await expectAccessible(page, 'desktop filing form');
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    const success = page.getByRole('status').filter({ hasText: /Pépin PEP-\d+ enregistré/ });
    await success.waitFor();
    const reference = /PEP-\d+/.exec((await success.textContent()) ?? '')?.[0];
    const { pepins } = await stack.api.graphql.ok<{
      pepins: {
        edges: { node: { id: string; reference: string; ruleKey: string | null; ruleVersion: number | null } }[];
      };
    }>(PEPINS, {}, { token: manager.token });
    expect(pepins.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ reference, ruleKey: 'BILL-002', ruleVersion: firstVersion }),
    );
    filed = pepins.edges.map((edge) => edge.node).find((node) => node.reference === reference) ?? filed;
    await page.getByRole('button', { name: 'Retour à la règle' }).click();
    await rule().getByText(DUE_DATE.statement).waitFor();
  });

  it('opens the report form with the keyboard, focus in its first field, the shared words and limits, Escape closes it', async () => {
    const report = rule().getByRole('button', { name: /Signaler un pépin/ });
    await report.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Signaler un pépin' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('filing-title');
    // The console's form says the same words and accepts the same lengths (the API's).
    const impact = page.getByLabel('Impact pour le client');
    await expect(impact.locator('option').allTextContents()).resolves.toEqual(['Aucun', 'Mineur', 'Majeur', 'Critique']);
    await page.getByLabel('Montrer mon nom aux managers').waitFor();
    await expect(page.getByLabel('Référence de l’appel (facultatif)').getAttribute('maxlength')).resolves.toBe(
      String(PEPIN_LIMITS.callReference.max),
    );
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 2, name: 'Signaler un pépin' }).waitFor({ state: 'detached' });
    await expect(report.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  });

  it('reports a case no rule covers from an empty search, prefilled with the search words', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('parrainage');
    await page.getByText('Aucune règle ne correspond à « parrainage ».').waitFor();
    await page.getByRole('button', { name: 'Signaler un cas qu’aucune règle ne couvre' }).waitFor();
    // Enter in the search with nothing found opens the same form.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Signaler un cas qu’aucune règle ne couvre' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('filing-title');
    await expect(page.getByLabel('Titre').inputValue()).resolves.toBe('parrainage');
    await page.keyboard.type(' : aucune règle pour le filleul');
    await page
      .getByLabel('Ce qui s’est passé')
      .fill('Le client voulait parrainer un proche : aucune règle ne dit ce que je peux lui offrir.');
    await expectAccessible(page, 'desktop no-rule filing form');
    await page.getByRole('button', { name: 'Envoyer le pépin' }).click();
    const success = page.getByRole('status').filter({ hasText: /Pépin PEP-\d+ enregistré/ });
    await success.waitFor();
    const reference = /PEP-\d+/.exec((await success.textContent()) ?? '')?.[0];
    const { pepins } = await stack.api.graphql.ok<{
      pepins: { edges: { node: { reference: string; ruleKey: string | null; noRuleApplies: boolean } }[] };
    }>(PEPINS, {}, { token: manager.token });
    expect(pepins.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({
        reference,
        ruleKey: null,
        noRuleApplies: true,
        title: 'parrainage : aucune règle pour le filleul',
      }),
    );
    // Back to the rule the next steps read.
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await page.keyboard.type('echeance');
    await page.keyboard.press('Enter');
    await rule().getByText(DUE_DATE.statement).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
  });

  it('follows a release and an advisory live, without reload', async () => {
    // A release published while the page stays open: banner, text updated in place, "Modifié".
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    nextVersion = (
      await stack.api.app.get(RulebookPublisher).publish({
        changes: [
          { kind: 'AMEND', rule: { ...DUE_DATE, statement: NEW_STATEMENT, escalation: NEW_ESCALATION } },
          { kind: 'CREATE', rule: INSTALMENTS },
        ],
        answers: [filed.reference],
      })
    ).version;
    await page
      .getByRole('status')
      .filter({ hasText: `Nouvelle version ${nextVersion} du référentiel : 2 règles modifiées` })
      .waitFor();
    await rule().getByText(NEW_STATEMENT).waitFor();
    await rule().getByText('Modifié', { exact: true }).waitFor();
    await results()
      .getByRole('option', { name: /Report d’échéance de paiement.*Modifié/ })
      .waitFor();
    await expect(page.evaluate(() => (window as unknown as { marker?: string }).marker)).resolves.toBe('same page');
    await page.getByRole('heading', { level: 1, name: `Référentiel — version ${nextVersion}` }).waitFor();
    await page
      .getByRole('navigation', { name: 'Catégories' })
      .getByRole('button', { name: 'Facturation (2)' })
      .waitFor();

    // The open rule says when its new wording took effect, not the first wording's date.
    const today = frenchDate(new Date());
    await rule().getByText(`Modifiée en version ${nextVersion}, en vigueur depuis le ${today}`).waitFor();
    await expect(rule().getByText('En vigueur depuis le 5 janvier 2026').count()).resolves.toBe(0);

    // What changed: only the changed words marked, paragraphs kept, and the date it took effect.
    await page.getByRole('button', { name: 'Voir ce qui a changé' }).click();
    const changes = page.getByRole('region', { name: 'Ce qui a changé' });
    await changes.getByText(`De la version ${firstVersion} à la version ${nextVersion}`).waitFor();
    await changes.getByText(`En vigueur depuis le ${today}`).first().waitFor();
    const statement = changes.getByRole('group', { name: 'Ce qu’il faut faire' });
    await expect(statement.locator('del').allTextContents()).resolves.toEqual([
      'supprimé quinze',
      'supprimé une',
    ]);
    await expect(statement.locator('ins').allTextContents()).resolves.toEqual(['ajouté trente', 'ajouté deux']);
    const escalation = changes.getByRole('group', { name: 'Quand la règle ne convient pas' });
    const paragraphs = escalation.locator('p.diff-paragraph');
    await expect(paragraphs.count()).resolves.toBe(2);
    await expect(paragraphs.nth(0).locator('del').allTextContents()).resolves.toEqual([
      'supprimé  avec le résumé de l’appel',
    ]);
    await expect(paragraphs.nth(1).locator('ins').allTextContents()).resolves.toEqual([
      'ajouté Noter le refus dans le dossier du client.',
    ]);
    await changes.getByRole('button', { name: /Échéancier en trois fois/ }).waitFor();
    await expectAccessible(page, 'desktop what changed');

    // An advisory arrives live, and shows on its rule.
    const expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const message = 'Reports suspendus jusqu’à la fin de la panne du service de paiement.';
    await stack.api.graphql.ok(
      PUBLISH_ADVISORY,
      { input: { ruleKey: 'BILL-002', message, expiresAt } },
      { token: manager.token },
    );
    await page
      .getByRole('status')
      .filter({ hasText: `Nouvelle consigne sur BILL-002 : ${message}` })
      .waitFor();
    await page.getByRole('button', { name: 'Ouvrir la règle BILL-002' }).click();
    await rule()
      .getByRole('region', { name: /Consignes en cours/ })
      .getByText(message)
      .waitFor();
    // Opened again: seen. The new rule stays "Nouveau" until "Tout marquer comme vu".
    await rule().getByText('Modifié', { exact: true }).waitFor({ state: 'detached' });
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await results()
      .getByRole('option', { name: /Échéancier en trois fois.*Nouveau/ })
      .waitFor();
    await page.getByRole('button', { name: 'Tout marquer comme vu' }).click();
    await results()
      .getByRole('option', { name: /Échéancier en trois fois/ })
      .waitFor();
    await expect(results().getByText('Nouveau', { exact: true }).count()).resolves.toBe(0);
  });

  it('shows the operator their pépins, takes their answer to a question, and tells them live of their pépite', async () => {
    const mine = page.getByRole('navigation', { name: 'Mon suivi' });
    await mine.getByRole('button', { name: 'Mes pépins' }).click();
    const list = page.getByRole('region', { name: 'Mes pépins' });
    const item = list.getByRole('listitem').filter({ hasText: filed.reference });
    await item.getByText('Nouveau', { exact: true }).waitFor();

    // A manager asks a question: announced live, counted, and answered from the desktop.
    const question = 'Le client avait-il déjà eu un report cette année ?';
    await stack.api.graphql.ok(ASK_REPORTER, { pepinId: filed.id, body: question }, { token: manager.token });
    await page
      .getByRole('status')
      .filter({ hasText: /Nouvelle notification : Un manager vous pose une question/ })
      .waitFor();
    await mine.getByRole('button', { name: 'Mes pépins (1 question en attente)' }).waitFor();
    await item.getByText('Question en attente').waitFor();
    await item.getByRole('button', { name: new RegExp(filed.reference) }).click();
    await list.getByText(question).waitFor();
    const answer = 'Oui, un report en mars, accordé par un collègue.';
    await page.getByLabel('Votre réponse aux managers').fill(answer);
    await expectAccessible(page, 'desktop my pépins with a question');
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await list.getByText('Réponse envoyée.').waitFor();
    await list.getByText(answer).waitFor();
    await mine.getByRole('button', { name: 'Mes pépins', exact: true }).waitFor();

    // The release already answers it; the pépin is moved on to PUBLISHED: a pépite, with its rule.
    for (const status of [PepinStatus.ACKNOWLEDGED, PepinStatus.IN_DESIGN, PepinStatus.IN_VOTE, PepinStatus.PUBLISHED]) {
      await moveTo(stack.api, manager, [filed.id], status);
    }
    await page.getByRole('status').filter({ hasText: /Nouvelle notification : .*pépite/ }).waitFor();
    await mine.getByRole('button', { name: /Notifications \(\d+ non lues?\)/ }).click();
    const news = page.getByRole('region', { name: 'Notifications' });
    const pepite = news.getByRole('listitem').filter({ hasText: 'pépite' }).first();
    await pepite.getByText(`Votre pépin est devenu une pépite dans la version ${nextVersion}.`).waitFor();
    await expectAccessible(page, 'desktop notifications');
    await mine.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await pepite.getByRole('button', { name: 'Voir la règle BILL-002' }).click();
    await rule().getByText(NEW_STATEMENT).waitFor();
  });

  it('starts offline from the stored copy', async () => {
    // Offline start: the app shell from the service worker, the rulebook from storage.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.context().setOffline(true);
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: `Hors ligne — version ${nextVersion} du` })
      .waitFor();
    await page
      .getByRole('listbox', { name: 'Règles' })
      .getByRole('option', { name: /Report d’échéance de paiement/ })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: `Référentiel — version ${nextVersion}` }).waitFor();
    await page
      .getByRole('navigation', { name: 'Catégories' })
      .getByRole('button', { name: 'Facturation (2)' })
      .waitFor();
    // Search still works on the stored copy.
    await page.keyboard.press('/');
    await page.keyboard.type('echeancier');
    await results()
      .getByRole('option', { name: /Échéancier en trois fois/ })
      .waitFor();
    await expect(results().getByRole('option').count()).resolves.toBe(1);
    await page.context().setOffline(false);
    await page.context().close();
  });
});
