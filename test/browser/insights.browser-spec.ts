import { Role } from '@pepite/api/identity';
import { PepinFiling, PepinStatus, PepinTriage, type PepinView } from '@pepite/api/pepins';
import { ProposalStatus, ProposalWorkflow } from '@pepite/api/proposals';
import type { Page } from 'playwright-core';
import { createProposal, publishSampleRules } from '../support/proposal-graphql';
import { PUBLISH_RELEASE } from '../support/publication-graphql';
import { authenticated, type TestUser } from '../support/test-world';
import { expectAccessible, signIn, startBrowserStack, type BrowserStack } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The managers' dashboard on a known history: three pépites with lead times of 10, 20 and 40
// days, their acknowledgements on time, late and on time, and the rule they changed.
describe('insights screen', () => {
  let stack: BrowserStack;
  let manager: TestUser;
  let admin: TestUser;
  let siteName: string;

  beforeAll(async () => {
    stack = await startBrowserStack();
    const { api } = stack;
    const place = await api.world.newSite();
    siteName = place.site.name;
    const elsewhere = await api.world.newSite();
    manager = await api.world.newUser(Role.MANAGER, { site: place });
    const publisher = await api.world.newUser(Role.MANAGER, { site: place });
    const operator = await api.world.newUser(Role.OPERATOR, { site: place });
    admin = await api.world.newUser(Role.ADMIN, { site: elsewhere });
    await publishSampleRules(api, ['REFUND-001', 'REFUND-002']);

    const filing = api.app.get(PepinFiling);
    const triage = api.app.get(PepinTriage);
    const start = Date.now();
    const file = (daysAgo: number, ackAfterHours: number): Promise<PepinView> =>
      filing
        .filePepin(
          authenticated(operator),
          { title: 'Remboursement bloqué', description: 'La règle ne prévoit pas le colis perdu par le transporteur.', ruleKey: 'REFUND-001' },
          { at: new Date(start - daysAgo * DAY) },
        )
        .then((pepin) =>
          triage.acknowledgePepin(authenticated(manager), pepin.id, null, { at: new Date(pepin.createdAt.getTime() + ackAfterHours * HOUR) }),
        );
    const pepins = [await file(10, 24), await file(20, 120), await file(40, 48)];
    const proposal = await createProposal(api, manager, pepins.map((p) => p.id), [
      { kind: 'AMEND', ruleKey: 'REFUND-001', statement: 'Rembourser sans enquête jusqu’à 250 € quand le transporteur confirme la perte.' },
    ]);
    await triage.moveToStatus(pepins.map((p) => p.id), PepinStatus.IN_VOTE, authenticated(manager), null);
    const workflow = api.app.get(ProposalWorkflow);
    await workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.IN_VOTE);
    await workflow.setStatus(proposal.id, ProposalStatus.IN_VOTE, ProposalStatus.APPROVED);
    await api.graphql.ok(PUBLISH_RELEASE, { input: { proposalIds: [proposal.id] } }, { token: publisher.token });
    await filing.filePepin(authenticated(operator), { title: 'Avoir refusé', description: 'Le ticket papier est exigé alors que la facture existe.', ruleKey: 'REFUND-002' });
  });
  afterAll(() => stack.close());

  function figure(page: Page, label: string) {
    return page.locator('.insights-figure').filter({ hasText: label });
  }

  it('shows the key figures and the charts of the manager’s site', async () => {
    const page = await stack.newPage();
    await signIn(page, manager);
    await page.goto('/insights');
    await page.getByRole('heading', { level: 1, name: 'Indicateurs' }).waitFor();

    // Lead times 240 h, 480 h, 960 h: median 20 days, p90 480 + 0.8 × 480 = 864 h = 36 days.
    await figure(page, 'Délai médian').getByText('20 j', { exact: true }).waitFor();
    await figure(page, '90e centile').getByText('36 j', { exact: true }).waitFor();
    // Two of three acknowledged within 72 h.
    await figure(page, 'dans les délais').getByText(/^67\s?%$/).waitFor();
    await figure(page, 'Pépites publiées').getByText('3', { exact: true }).waitFor();

    for (const name of ['Délai pépin → pépite par mois', 'Promesse de prise en compte, par semaine', 'Règles qui bloquent le plus', 'Les changements ont-ils marché ?']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    await page.locator('.recharts-surface').nth(3).waitFor();

    // The charts' numbers as tables, behind a disclosure.
    const rules = page.getByRole('region', { name: 'Règles qui bloquent le plus' });
    await rules.getByText('Afficher les données (tableau)').click();
    const refund = rules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /REFUND-001/ }) });
    await refund.getByRole('cell').first().getByText('3', { exact: true }).waitFor();
    const changes = page.getByRole('region', { name: 'Les changements ont-ils marché ?' });
    await changes.getByText('Afficher les données (tableau)').click();
    await changes.getByRole('rowheader', { name: /REFUND-001 \(modifiée\)/ }).waitFor();

    // Participation: operators per ended month (the pépin of 40 days ago is always in one);
    // one operator only, so folded.
    const operators = page.getByRole('region', { name: 'Opérateur·rices' });
    await operators.getByRole('columnheader', { name: 'Mois' }).waitFor();
    await operators.getByRole('cell', { name: 'moins de 3' }).first().waitFor();
    await expectAccessible(page, 'insights');

    // Over 30 days the pépin due 37 days ago drops out: one on time, one late.
    await page.getByRole('combobox', { name: 'Période' }).selectOption('30');
    await figure(page, 'dans les délais').getByText(/^50\s?%$/).waitFor();
    await page.close();
  });

  it('lets an admin pick the site', async () => {
    const page = await stack.newPage();
    await signIn(page, admin);
    await page.goto('/insights');
    await figure(page, 'Pépites publiées').getByText('0', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Délai pépin → pépite par mois' }).getByText('Aucune pépite publiée sur la période.').waitFor();
    await page.getByRole('combobox', { name: 'Site' }).selectOption({ label: siteName });
    await figure(page, 'Délai médian').getByText('20 j', { exact: true }).waitFor();
    await page.close();
  });
});
