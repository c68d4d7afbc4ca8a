import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import type { Page } from 'playwright-core';
import { ACKNOWLEDGE_PEPIN } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';
import { sampleRule, type TestUser } from '../support';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

// Co-design in the console: a manager drafts a rule change from a pépin (live diff), opens
// the vote, two managers approve, another manager publishes (four eyes), and the releases
// screen shows the amended rule between the two versions.
describe('co-design, vote and publication in the console', () => {
  let stack: BrowserStack;
  let designer: TestUser;
  let voter: TestUser;
  let pepin: { id: string; reference: string; title: string };
  const newStatement = 'Rembourser sans enquête jusqu’à 250 € quand le transporteur confirme la perte.';

  beforeAll(async () => {
    stack = await startBrowserStack();
    const { api } = stack;
    // Exactly two managers on the site: their two ballots close the vote.
    const place = await api.world.newSite();
    const reporter = await api.world.newUser(Role.OPERATOR, { site: place });
    designer = await api.world.newUser(Role.MANAGER, { site: place });
    voter = await api.world.newUser(Role.MANAGER, { site: place });
    await api.app
      .get(RulebookPublisher)
      .publish({ changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001') }], notes: 'Règlement initial' });
    const filed = await api.world.newPepin(reporter, {
      title: 'Remboursement bloqué au-delà de 150 €',
      ruleKey: 'REFUND-001',
      ruleVersion: 1,
    });
    await api.graphql.ok(ACKNOWLEDGE_PEPIN, { id: filed.id }, { token: designer.token });
    pepin = { id: filed.id, reference: filed.reference, title: filed.title };
  });
  afterAll(() => stack.close());

  async function approve(page: Page): Promise<void> {
    await page.getByLabel('Approuver').check();
    await page.getByRole('button', { name: 'Voter' }).click();
    await page.getByText('Vous avez voté : Approuver').waitFor();
  }

  it('takes a pépin through a proposal, a vote and a release', async () => {
    const page = await stack.newPage();
    await signIn(page, designer);

    // The editor: the pépin answered, an AMEND prefilled from the rule in force, a live diff.
    await page.goto(`/proposals/new?pepins=${pepin.id}`);
    await page.getByText(`${pepin.reference} — ${pepin.title}`).waitFor();
    await page.getByLabel('Titre de la proposition').fill('Relever le seuil de remboursement');
    await page
      .getByLabel('Pourquoi ce changement')
      .fill('Les opérateurs renvoient trop de clients de bonne foi vers les litiges pour de petites sommes.');
    // Made from a pépin: that pépin's rule is preselected.
    await expect(page.getByRole('combobox', { name: /^Règle/ }).inputValue()).resolves.toBe('REFUND-001');
    await page.getByRole('combobox', { name: /^Règle/ }).selectOption('REFUND-001');
    await expect(page.getByLabel('Ce qu’il faut faire').inputValue()).resolves.toBe(sampleRule('REFUND-001').statement);
    await page.getByLabel('Ce qu’il faut faire').fill(newStatement);
    const preview = page.getByRole('region', { name: /Aperçu du changement 1/ });
    await preview.locator('ins', { hasText: '250' }).waitFor();
    await expect(preview.locator('del').first().textContent()).resolves.toContain('supprimé');
    await expectAccessible(page, 'proposal editor');
    await page.getByRole('button', { name: 'Créer la proposition' }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);

    // The proposal: its pépin and the side-by-side diff of the amended rule.
    await page.getByRole('heading', { level: 1, name: 'Relever le seuil de remboursement' }).waitFor();
    await page.getByRole('heading', { name: /Règle modifiée : REFUND-001/ }).waitFor();
    await page.getByRole('heading', { name: 'Ce qu’il faut faire' }).waitFor();
    await page.locator('ins', { hasText: '250' }).first().waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain(pepin.reference);
    await expectAccessible(page, 'proposal page');

    // Open the vote, then vote on the vote page.
    await page.getByLabel('Quorum (facultatif)').fill('2');
    await page.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await page.waitForURL(/\/vote$/);
    const progress = page.getByRole('progressbar');
    await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('0');
    await expect(progress.getAttribute('aria-valuemax')).resolves.toBe('2');
    await expectAccessible(page, 'vote page');
    await approve(page);
    await page.getByText('1 vote(s) exprimé(s) sur un quorum de 2').waitFor();
    const voteUrl = page.url();
    // The proposal says what stands between it and publication.
    await page.goto(voteUrl.replace(/\/vote$/, ''));
    await page.getByText('Vote en cours : 1 approbation de plus nécessaire', { exact: false }).waitFor();
    await page.goto(voteUrl);

    // The second manager, on their own machine, approves: everyone has voted, the vote closes.
    const other = await stack.newPage();
    await signIn(other, voter);
    await other.goto(voteUrl);
    await approve(other);
    await other.getByRole('heading', { name: 'Vote clos' }).waitFor();
    await other.getByText('Approuvée', { exact: true }).first().waitFor();
    await expect(other.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('2');
    await other.goto(voteUrl.replace(/\/vote$/, ''));
    await other.getByText('Approuvée : prête à publier.').waitFor();
    await page.goto(voteUrl.replace(/\/vote$/, ''));
    await page.getByText(/en attente d’un autre manager pour la publier \(quatre yeux/).waitFor();

    // Four eyes: the proposal's only author may not publish it alone.
    await page.goto('/publish');
    await page.getByLabel(/Relever le seuil de remboursement/).check();
    await page.getByRole('button', { name: 'Publier la version 2' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('quatre yeux');

    // The other manager publishes version 2, after the preview.
    await other.goto('/publish');
    await other.getByLabel(/Relever le seuil de remboursement/).check();
    await other.getByRole('heading', { name: 'Aperçu de la version 2' }).waitFor();
    await other.getByText('1 règle modifiée').waitFor();
    await other.getByText('1 pépin deviendra une pépite').waitFor();
    await other.locator('ins', { hasText: '250' }).first().waitFor();
    await other.getByLabel('Notes de version (facultatif)').fill('Seuil de remboursement relevé.');
    await expectAccessible(other, 'publish page');
    await other.getByRole('button', { name: 'Publier la version 2' }).click();
    await other.getByRole('heading', { name: 'Version 2 publiée' }).waitFor();
    await expect(other.locator('code.sha').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await other.getByText(`Devenus pépites : ${pepin.reference}`).waitFor();
    // Published, the proposal still shows the change it made.
    await other.goto(voteUrl.replace(/\/vote$/, ''));
    await other.getByRole('heading', { name: /Règle modifiée : REFUND-001/ }).waitFor();
    await other.locator('ins', { hasText: '250' }).first().waitFor();
    await expect(other.getByText('Aucun changement par rapport aux règles en vigueur.').count()).resolves.toBe(0);

    // The release history, then what changed between versions 1 and 2.
    await other.goto('/releases');
    const row = other.getByRole('row', { name: /Version 2/ });
    await expect(row.textContent()).resolves.toContain(pepin.reference);
    await row.getByRole('link', { name: 'Comparer la version 2 à la 1' }).click();
    await other.waitForURL(/\/releases\/compare\?from=1&to=2$/);
    await other.getByRole('heading', { name: 'Règle modifiée (1)' }).waitFor();
    await other.getByRole('heading', { name: /REFUND-001/ }).waitFor();
    await other.locator('ins', { hasText: '250' }).first().waitFor();
    await expect(other.getByRole('heading', { name: 'Règle ajoutée (0)' }).isVisible()).resolves.toBe(true);
    await expectAccessible(other, 'compare page');

    await other.context().close();
    await page.context().close();
  });
  it('lets an operator endorse and comment anonymously, a manager reply and revise', async () => {
    const { api } = stack;
    const place = await api.world.newSite();
    const operator = await api.world.newUser(Role.OPERATOR, { site: place });
    const manager = await api.world.newUser(Role.MANAGER, { site: place });
    const pepinId = await acknowledgedPepin(api, operator, manager);
    const proposal = await createProposal(
      api,
      manager,
      [pepinId],
      [amendStatement('REFUND-001', 'Vérifier la commande puis rembourser sans attendre le retour du colis.')],
      'Rembourser avant le retour du colis',
    );

    const page = await stack.newPage();
    await signIn(page, operator);
    await page.goto('/proposals');
    await page.getByRole('link', { name: 'Rembourser avant le retour du colis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rembourser avant le retour du colis' }).waitFor();

    await page.getByLabel('Pourquoi vous la soutenez (facultatif)').fill('Cela m’aurait évité deux rappels hier.');
    await page.getByLabel('Signer mon soutien de mon nom').check();
    await page.getByRole('button', { name: 'Soutenir' }).click();
    await page.getByText('Merci, votre soutien est enregistré.').waitFor();
    await page.getByRole('heading', { name: 'Soutiens des opérateurs (1)' }).waitFor();

    await page.getByLabel('Votre commentaire').fill('Et si le colis revient abîmé, on fait quoi ?');
    await page.getByRole('button', { name: 'Commenter' }).click();
    const thread = page.getByRole('region', { name: /Discussion/ });
    await thread.getByText('Et si le colis revient abîmé, on fait quoi ?').waitFor();
    await expectAccessible(page, 'proposal page (operator)');

    // The manager sees the support by name (signed) and the comment without it (not signed).
    const managerPage = await stack.newPage();
    await signIn(managerPage, manager);
    await managerPage.goto(`/proposals/${proposal.id}`);
    const endorsements = managerPage.getByRole('region', { name: /Soutiens des opérateurs/ });
    await endorsements.getByText(operator.displayName).waitFor();
    const managerThread = managerPage.getByRole('region', { name: /Discussion/ });
    await managerThread.getByText('Et si le colis revient abîmé, on fait quoi ?').waitFor();
    await expect(managerThread.textContent()).resolves.not.toContain(operator.displayName);
    await managerThread.getByRole('button', { name: /^Répondre à / }).click();
    await managerPage.getByLabel('Votre réponse').fill('On applique la marge de manœuvre, comme aujourd’hui.');
    await managerPage.getByRole('button', { name: 'Répondre', exact: true }).click();
    await managerThread.getByText('On applique la marge de manœuvre, comme aujourd’hui.').waitFor();

    // The manager invites the reporter of the pépin without learning who it is; the operator
    // (its reporter) accepts, anonymously, and writes a revision as "co-auteur (opérateur)".
    const coAuthors = managerPage.getByRole('region', { name: 'Co-auteurs' });
    await coAuthors.getByText(/Règle d’anonymat/).waitFor();
    await expect(coAuthors.getByLabel('Personne à inviter').textContent()).resolves.toContain(operator.displayName);
    const pepinReference = (await managerPage.getByRole('button', { name: /^Inviter l’auteur de PEP-/ }).textContent()) ?? '';
    await managerPage.getByRole('button', { name: /^Inviter l’auteur de PEP-/ }).click();
    await managerPage.getByText(/Invitation envoyée à l’auteur de PEP-/).waitFor();
    await expect(managerPage.getByRole('main').textContent()).resolves.not.toContain(`${operator.displayName} (`);
    await page.reload();
    await page.getByText(/Les managers invitent l’auteur d’un des pépins/).waitFor();
    await expect(page.getByLabel(/Rester anonyme en tant que co-auteur/).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'invitation of an anonymous reporter (operator)');
    await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await page.getByText(/Les managers invitent l’auteur/).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Réviser' }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByText(/Votre révision paraîtra sous « Co-auteur \(opérateur\) »/).waitFor();
    await page.getByLabel('Marge de manœuvre').fill('Le conseiller peut accorder un geste jusqu’à 30 € sans validation.');
    await page.getByLabel('Ce que change cette révision').fill('Un plafond vu du terrain.');
    await page.getByRole('button', { name: 'Enregistrer la révision' }).click();
    await page.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    await page.getByText('Révision 2', { exact: true }).first().waitFor();
    await managerPage.reload();
    const coAuthorList = coAuthors.getByRole('list').first();
    await coAuthorList.getByText('Co-auteur (opérateur)').waitFor();
    await expect(coAuthorList.textContent()).resolves.not.toContain(operator.displayName);
    await expect(managerPage.getByRole('main').textContent()).resolves.toContain('Un plafond vu du terrain.');
    expect(pepinReference).toContain('PEP-');

    // A revision: the editor starts from the current wording; the history compares 2 with 1.
    await managerPage.getByRole('link', { name: 'Réviser' }).click();
    await managerPage.waitForURL(/\/edit$/);
    await managerPage
      .getByLabel('Marge de manœuvre')
      .fill('Le conseiller peut accorder un geste jusqu’à 40 € sans validation.');
    await managerPage.getByLabel('Ce que change cette révision').fill('Marge relevée à 40 € après la discussion.');
    await managerPage.getByRole('button', { name: 'Enregistrer la révision' }).click();
    await managerPage.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    await managerPage.getByText('Révision 3', { exact: true }).first().waitFor();
    const history = managerPage.getByRole('region', { name: 'Historique des révisions' });
    await history.getByText('Marge relevée à 40 € après la discussion.').waitFor();
    await history.locator('ins', { hasText: '40' }).first().waitFor();
    await expectAccessible(managerPage, 'proposal page with revision history');

    await managerPage.context().close();
    await page.context().close();
  });

  it('asks a reason to reject, and lets the opener call the vote off', async () => {
    const { api } = stack;
    const place = await api.world.newSite();
    const operator = await api.world.newUser(Role.OPERATOR, { site: place });
    const opener = await api.world.newUser(Role.MANAGER, { site: place });
    const otherManager = await api.world.newUser(Role.MANAGER, { site: place });
    await api.world.newUser(Role.MANAGER, { site: place }); // a third elector: one rejection settles nothing
    const pepinId = await acknowledgedPepin(api, operator, opener);
    const proposal = await createProposal(
      api,
      opener,
      [pepinId],
      [amendStatement('REFUND-001', 'Vérifier la commande puis rembourser dans la journée, sans relance.')],
      'Rembourser dans la journée',
    );
    await api.graphql.ok(
      'mutation($p: ID!, $at: DateTime!) { openVote(proposalId: $p, closesAt: $at, quorum: 1) { id } }',
      { p: proposal.id, at: new Date(Date.now() + 86_400_000).toISOString() },
      { token: opener.token },
    );

    const page = await stack.newPage();
    await signIn(page, opener);
    await page.goto(`/proposals/${proposal.id}/vote`);
    await page.getByRole('heading', { name: 'Vote en cours' }).waitFor();
    await page.getByLabel('Rejeter').check();
    const reason = page.getByLabel('Motif du refus (obligatoire)');
    await expect(reason.getAttribute('required')).resolves.not.toBeNull();
    await reason.fill('Le délai d’une journée est intenable pour le service comptable.');
    await page.getByRole('button', { name: 'Voter' }).click();
    await page.getByText('Vous avez voté : Rejeter — Le délai d’une journée est intenable').waitFor();
    await page.getByText('1 contre').waitFor();
    // The quorum (1 of 2) is reached: the opener may close early or cancel; the other manager may do neither.
    await page.getByRole('button', { name: 'Clore le vote' }).waitFor();
    const bystander = await stack.newPage();
    await signIn(bystander, otherManager);
    await bystander.goto(`/proposals/${proposal.id}/vote`);
    await bystander.getByRole('heading', { name: 'Vote en cours' }).waitFor();
    await expect(bystander.getByRole('button', { name: 'Annuler le vote' }).count()).resolves.toBe(0);
    await expect(bystander.getByRole('button', { name: 'Clore le vote' }).count()).resolves.toBe(0);
    await bystander.context().close();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Annuler le vote' }).click();
    await page.getByRole('heading', { name: 'Vote clos' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Vote annulé', { exact: true }).waitFor();
    await main.getByText('En conception', { exact: true }).waitFor();
    await page.context().close();
  });
});
