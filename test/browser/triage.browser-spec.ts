import { Role } from '@pepite/api/identity';
import { PepinStatus } from '@pepite/api/pepins';
import type { Page } from 'playwright-core';
import { moveTo, PEPIN, sql, type PepinJson } from '../support/pepin-graphql';
import type { TestUser } from '../support/test-world';
import { cutText, expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

// The manager's triage: the queue (SLA, status tabs, bulk acknowledgement) and one pépin's page.
describe('triage screens', () => {
  let stack: BrowserStack;
  let manager: TestUser;
  let operator: TestUser;
  let late: { id: string; reference: string; title: string };
  let first: { id: string; reference: string };
  let second: { id: string; reference: string };
  let copy: { id: string; reference: string };
  let acknowledged: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startBrowserStack();
    const { api } = stack;
    const site = await api.world.newSite();
    manager = await api.world.newUser(Role.MANAGER, { site });
    operator = await api.world.newUser(Role.OPERATOR, { site });
    const colleague = await api.world.newUser(Role.OPERATOR, { site });
    late = await api.world.newPepin(operator, {
      title: 'Avoir impossible sans ticket de caisse',
      description: 'Le client avait sa facture en ligne mais la règle exige le ticket papier pour un avoir.',
    });
    first = await api.world.newPepin(colleague, { title: 'Échange refusé après quinze jours' });
    second = await api.world.newPepin(operator, { title: 'Geste commercial plafonné trop bas' });
    copy = await api.world.newPepin(colleague, {
      title: 'Pas d’avoir sans le ticket papier',
      description: 'Même cas : facture électronique refusée, la règle demande le ticket de caisse papier.',
    });
    acknowledged = await api.world.newPepin(colleague, { title: 'Déjà pris en compte' });
    await moveTo(api, manager, [acknowledged.id], PepinStatus.ACKNOWLEDGED);
    // One word of 140 characters: it must wrap, not widen the Pépin column off screen.
    await api.world.newPepin(colleague, { title: `Remboursement${'x'.repeat(127)}` });
    // Its promise ran out five hours ago (past the 72 h): the queue must say so in words.
    await sql(api, `UPDATE pepin SET ack_due_at = now() - interval '5 hours' WHERE id = $1`, [late.id]);
  });
  afterAll(() => stack.close());

  async function statusOf(id: string): Promise<string> {
    const data = await stack.api.graphql.ok<{ pepin: PepinJson }>(PEPIN, { id }, { token: manager.token });
    return data.pepin.status;
  }

  function row(page: Page, reference: string) {
    return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(reference) }) });
  }

  it('lists the site’s pépins with their deadlines, filters by status and acknowledges two at once', async () => {
    const page = await stack.newPage();
    await signIn(page, manager);
    await page.goto('/triage');
    await page.getByRole('heading', { level: 1, name: 'File de tri' }).waitFor();
    await row(page, late.reference).waitFor();

    // The landing view is the one a manager needs first: new pépins, the overdue one on top.
    await expect(page.getByRole('rowheader').first().textContent()).resolves.toContain(late.reference);
    // SLA in words: late for the backdated one, days ahead for the others; no reporter named.
    await row(page, late.reference).getByText('En retard de 5 h').waitFor();
    await row(page, first.reference)
      .getByText(/Échéance dans 3 j/)
      .waitFor();
    expect(await row(page, first.reference).getByText('Anonyme').count()).toBe(1);
    expect(await row(page, acknowledged.reference).count()).toBe(0);
    await expectAccessible(page, 'triage queue');

    // "Tous" lists the acknowledged pépin too.
    const tabs = page.getByRole('navigation', { name: 'Statuts' });
    await tabs.getByRole('link', { name: /^Tous/ }).click();
    await row(page, acknowledged.reference).getByText('Pris en compte', { exact: true }).waitFor();

    // The "Nouveau" tab: a URL of its own, without the acknowledged pépin.
    await tabs.getByRole('link', { name: 'Nouveau (5)' }).click();
    // "Nouveau" is the landing view, so its address may leave the status out.
    await page.waitForURL((url) => (url.searchParams.get('status') ?? 'NEW') === 'NEW');
    await tabs
      .getByRole('link', { name: 'Nouveau (5)', exact: true })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    await row(page, acknowledged.reference).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '5 pépins' }).waitFor();

    await page.getByLabel(`Sélectionner ${first.reference}`).check();
    await page.getByLabel(`Sélectionner ${second.reference}`).check();
    await page
      .getByLabel('Message aux rapporteurs (facultatif)')
      .fill('Merci, nous regardons ces deux cas cette semaine.');
    await page.getByRole('button', { name: 'Prendre en compte (2)' }).click();
    await page.getByRole('status').filter({ hasText: '2 pépins pris en compte.' }).waitFor();
    // They leave the "Nouveau" view; the API agrees.
    await row(page, first.reference).waitFor({ state: 'detached' });
    await row(page, second.reference).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '3 pépins' }).waitFor();
    expect(await statusOf(first.id)).toBe('ACKNOWLEDGED');
    expect(await statusOf(second.id)).toBe('ACKNOWLEDGED');
    expect(await page.getByRole('button', { name: 'Prendre en compte (0)' }).isDisabled()).toBe(true);

    // A reload of the link gives the same view.
    await page.reload();
    await page.getByRole('heading', { name: '3 pépins' }).waitFor();

    // Overdue only: the late one alone, and the URL says so.
    await page.getByLabel('En retard seulement').check();
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('overdue') === '1' && (url.searchParams.get('status') ?? 'NEW') === 'NEW',
    );
    await page.getByRole('heading', { name: '1 pépin' }).waitFor();
    await row(page, late.reference).waitFor();
    await page.close();
  });

  it('opens a pépin, asks its reporter a question and merges another one into it', async () => {
    const page = await stack.newPage();
    await signIn(page, manager);
    await page.goto('/triage');
    await page.getByRole('link', { name: new RegExp(late.reference) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(late.reference) }).waitFor();
    await page.getByText('Le client avait sa facture en ligne').waitFor();
    await page.getByText('Anonyme (le rapporteur n’a pas signé)').waitFor();
    await page.getByText('En retard de 5 h').waitFor();
    await page.getByRole('link', { name: 'Concevoir une proposition' }).waitFor();
    expect(await page.getByRole('link', { name: 'Concevoir une proposition' }).getAttribute('href')).toBe(
      `/proposals/new?pepins=${late.id}`,
    );
    await expectAccessible(page, 'pépin detail (manager)');

    const conversation = page.getByRole('region', { name: 'Échanges avec le rapporteur' });
    await conversation.getByText('Aucun échange pour l’instant.').waitFor();
    await conversation.getByLabel('Votre question au rapporteur').fill('Le client avait-il une facture électronique ?');
    await conversation.getByRole('button', { name: 'Envoyer la question' }).click();
    await conversation.getByRole('status').filter({ hasText: 'Question envoyée.' }).waitFor();
    await conversation
      .getByRole('listitem')
      .filter({ hasText: 'Le client avait-il une facture électronique ?' })
      .waitFor();

    // The reporter answers from elsewhere: the page shows it without a reload (the answer
    // reaches this manager, who asked, as a live notification, and the page follows it).
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await stack.api.graphql.ok(
      `mutation TriageSpecReply($pepinId: ID!, $body: String!) { replyToManagers(pepinId: $pepinId, body: $body) { id } }`,
      { pepinId: late.id, body: 'Oui, une facture électronique envoyée par e-mail.' },
      { token: operator.token },
    );
    await conversation.getByRole('listitem').filter({ hasText: 'Oui, une facture électronique envoyée par e-mail.' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

    // The look-alike filed by a colleague: merged into the late one, found by its reference.
    await page.goto(`/triage/${copy.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(copy.reference) }).waitFor();
    await page.getByLabel('Pépin à conserver (référence ou titre)').fill(late.reference);
    await page.getByRole('radio', { name: new RegExp(late.reference) }).check();
    await page.getByRole('button', { name: 'Marquer comme doublon' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Pépin rattaché à ${late.reference}.` })
      .waitFor();
    await page.getByRole('link', { name: new RegExp(`${late.reference} ${late.title}`) }).waitFor();
    await page.getByText(/il ne peut plus être pris en compte, refusé ni marqué comme doublon/).waitFor();
    expect(await statusOf(copy.id)).toBe('DUPLICATE');
    await page.close();
  });
  it('runs a double écoute the reporter asked this manager for: schedule, notes, outcome', async () => {
    await stack.api.graphql.ok(
      `mutation Listen($input: RequestListeningSessionInput!) { requestListeningSession(input: $input) { id } }`,
      {
        input: { pepinId: second.id, managerId: manager.id, reason: 'Je voudrais qu’on réécoute cet appel ensemble.' },
      },
      { token: operator.token },
    );
    const page = await stack.newPage();
    await signIn(page, manager);
    await page.goto(`/triage/${second.id}`);
    const listening = page.getByRole('region', { name: 'Double écoute' });
    await listening.getByText('Demandée', { exact: true }).waitFor();
    await listening.getByText(`Opérateur : ${operator.displayName}`).waitFor();

    // Two days ahead, 10:00 in the browser's time zone.
    const day = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await listening.getByLabel('Date et heure de la double écoute').fill(`${day}T10:00`);
    await listening.getByRole('button', { name: 'Planifier' }).click();
    await listening.getByRole('status').filter({ hasText: 'Double écoute planifiée.' }).waitFor();
    await listening.getByText('Planifiée', { exact: true }).waitFor();

    await listening.getByLabel('Mes notes').fill('Le client a cité sa facture électronique dès la première minute.');
    await listening.getByRole('button', { name: 'Enregistrer les notes' }).click();
    await listening.getByRole('status').filter({ hasText: 'Notes enregistrées.' }).waitFor();

    await listening
      .getByLabel('Conclusion (10 caractères au moins)')
      .fill('La règle doit accepter la facture électronique.');
    await listening.getByRole('button', { name: 'Terminer la double écoute' }).click();
    await listening.getByRole('status').filter({ hasText: 'Double écoute terminée.' }).waitFor();
    await listening.getByText('Conclusion : La règle doit accepter la facture électronique.').waitFor();
    await page.getByRole('region', { name: 'Historique' }).getByText('Double écoute terminée').waitFor();
    await page.close();
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ])('shows a whole queue row without scrolling at $width×$height, and cuts no text', async (viewport) => {
    const page = await stack.newPage();
    await page.setViewportSize(viewport);
    await signIn(page, manager);
    await page.goto('/triage?status=ALL');
    await row(page, late.reference).waitFor();
    const first = await page.getByRole('row').filter({ has: page.getByRole('rowheader') }).first().boundingBox();
    expect(first).not.toBeNull();
    expect(first?.y).toBeGreaterThanOrEqual(0);
    expect((first?.y ?? 0) + (first?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    expect(await cutText(page, `queue @${viewport.width}`)).toEqual([]);
    // Nothing of a row hides behind a sideways scroll (a cut status badge, a column off screen).
    const sideways = await page.getByRole('table').evaluate((table) => {
      const wrap = table.parentElement as HTMLElement;
      return wrap.scrollWidth - wrap.clientWidth;
    });
    expect(sideways).toBeLessThanOrEqual(1);
    await page.getByRole('link', { name: new RegExp(late.reference) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(late.reference) }).waitFor();
    expect(await cutText(page, `pépin @${viewport.width}`)).toEqual([]);
    await page.close();
  });
});
