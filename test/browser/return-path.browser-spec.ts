import path from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import type { Page } from 'playwright-core';
import { sampleRule } from '../support/rulebook-fixtures';
import type { TestUser } from '../support/test-world';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

const REFUND = sampleRule('REFUND-001', { title: 'Remboursement sans justificatif', category: 'Remboursements' });
/** `PEPITE_SCREENSHOTS=1` refreshes docs/screenshots/ from this walk. */
const SHOTS = process.env['PEPITE_SCREENSHOTS'] === '1' ? path.resolve(__dirname, '../../docs/screenshots') : null;

/**
 * The feed's return path in the browser (issue 19): a change published as "lecture
 * obligatoire" comes first on the operator's desktop; the operator acknowledges it; the
 * manager, whose console is left open on the floor screen, sees the count move without a
 * reload: pushed by the `floorChanged` subscription (the screen no longer polls). The same screen shows who runs the release; insights show unanswered searches.
 */
describe('the return path, in the browser', () => {
  let stack: BrowserStack;
  let operators: TestUser[];
  let manager: TestUser;

  beforeAll(async () => {
    stack = await startBrowserStack();
    const site = await stack.api.world.newSite();
    operators = await Promise.all([1, 2, 3].map(() => stack.api.world.newUser(Role.OPERATOR, { site })));
    manager = await stack.api.world.newUser(Role.MANAGER, { site });
    await stack.api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: REFUND }], notes: 'Référentiel initial' });
  });
  afterAll(() => stack.close());

  async function desktopOf(user: TestUser, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await stack.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto('/desktop/');
    await page.getByLabel('Adresse e-mail').fill(user.email);
    await page.getByLabel('Mot de passe').fill(user.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Référentiel — version 1' }).waitFor();
    return page;
  }

  it('shows a mandatory change first, records the acknowledgement, and moves the manager’s count live', async () => {
    const desktop = await desktopOf(operators[0] as TestUser);
    const console = await stack.newPage();
    await signIn(console, { email: manager.email, password: manager.password });
    await console.goto('/floor');
    await console.getByRole('heading', { level: 2, name: /Diffusion de la version 1/ }).waitFor();
    // The desktop reported the release it runs: one active operator, folded.
    await console.getByTestId('adoption-running').getByText(/moins de 3 sur moins de 3 actifs/).waitFor();
    await console.getByText('Aucun changement en lecture obligatoire ces 30 derniers jours.').waitFor();

    // The manager publishes a mandatory advisory.
    await stack.api.graphql.ok(
      `mutation($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`,
      {
        input: {
          ruleKey: 'REFUND-001',
          message: 'Jusqu’à nouvel ordre, vérifier l’identité avant tout remboursement.',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          mandatory: true,
        },
      },
      { token: manager.token },
    );

    // The desktop, left open, shows it first: before the search and the rules.
    const panel = desktop.getByRole('region', { name: 'Lecture obligatoire : 1 changement à lire' });
    await panel.getByText('Jusqu’à nouvel ordre, vérifier l’identité avant tout remboursement.').waitFor();
    const first = await desktop.evaluate(() => {
      const reading = document.querySelector('[aria-labelledby="reading-heading"]');
      const search = document.getElementById('rule-search');
      return !!reading && !!search && (reading.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(first).toBe(true);
    await panel.getByText(/Vos managers voient qui n’a pas encore confirmé/).waitFor();
    const count = console.getByTestId('reading-count');
    await count.getByText('0 sur 3 opérateurs ont confirmé').waitFor();
    if (SHOTS) await desktop.screenshot({ path: path.join(SHOTS, 'desktop-mandatory-reading.png') });
    await expectAccessible(desktop, 'desktop with a mandatory reading');

    // The operator acknowledges, with the keyboard.
    await panel.getByRole('button', { name: 'J’ai lu et compris' }).focus();
    await desktop.keyboard.press('Enter');
    await desktop.getByRole('region', { name: 'Lectures obligatoires : tout est lu' }).waitFor();
    await desktop.getByText(/Mes lectures confirmées \(1\)/).waitFor();

    // The manager's screen, never reloaded and not polling, moves: the push.
    await count.getByText('1 sur 3 opérateurs ont confirmé').waitFor();
    await console.getByText('2 n’ont pas encore confirmé').click();
    await console.getByText(operators[1]?.displayName ?? '').waitFor();
    await console.getByRole('button', { name: 'Envoyer un rappel (2 personnes)' }).click();
    await console.getByText(/Rappel envoyé à 2 personnes/).waitFor();
    if (SHOTS) await console.screenshot({ path: path.join(SHOTS, 'floor.png'), fullPage: true });
    await expectAccessible(console, 'floor screen');
  });

  it('shows unanswered searches in insights and files one as a pépin in one click, in French and English', async () => {
    // Searched twice on earlier days already: a search shows to managers only once it recurs
    // (2 distinct days, 3 searches: SECURITY.md "Customer names"); today's makes it count.
    await stack.api.app
      .get(DataSource)
      .query(`INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, current_date - 3, 'carte cadeau expiree', 2)`, [manager.siteId]);
    const desktop = await desktopOf(operators[1] as TestUser);
    await desktop.keyboard.press('/');
    await desktop.keyboard.type('carte cadeau expirée');
    await desktop.getByText('Aucune règle ne correspond à « carte cadeau expirée ».').waitFor();
    // The desktop sends it once the search has settled on nothing (1.5 s).
    const console = await stack.newPage();
    await signIn(console, { email: manager.email, password: manager.password });
    await console.goto('/insights');
    const gaps = console.getByRole('region', { name: 'Recherches sans réponse (30 derniers jours)' });
    await retryUntil(60_000, async () => {
      await console.reload();
      await gaps.getByRole('rowheader', { name: '« carte cadeau expiree »' }).waitFor({ timeout: 5_000 });
    });
    if (SHOTS) await gaps.screenshot({ path: path.join(SHOTS, 'search-gaps.png') });
    await gaps.getByRole('button', { name: 'Créer un pépin « aucune règle » « carte cadeau expiree »', exact: true }).click();
    await gaps.getByRole('link', { name: /Pépin PEP-\d+ créé/ }).waitFor();

    const english = await stack.newPage({ locale: 'en-GB' });
    await english.setViewportSize({ width: 390, height: 844 });
    await english.goto('/login');
    await english.getByLabel('Email address').fill(manager.email);
    await english.getByLabel('Password').fill(manager.password);
    await english.getByRole('button', { name: 'Sign in' }).click();
    await english.waitForURL((url) => url.pathname !== '/login');
    await english.goto('/floor');
    await english.getByRole('heading', { level: 1, name: 'On the floor' }).waitFor();
    await english.getByText('1 of 3 operators have confirmed').waitFor();
    if (SHOTS) await english.screenshot({ path: path.join(SHOTS, 'floor-phone-en.png'), fullPage: true });
    await expectAccessible(english, 'floor screen on a phone');
  }, 120_000);
});

/** Retries `step` until it passes or `ms` have gone (the desktop sends a search 1.5 s after typing stops). */
async function retryUntil(ms: number, step: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await step();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
