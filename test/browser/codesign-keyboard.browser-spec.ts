import { Role } from '@pepite/api/identity';
import type { Locator, Page } from 'playwright-core';
import { acknowledgedPepin, amendStatement, createProposal, publishSampleRules } from '../support/proposal-graphql';
import type { TestUser } from '../support/test-world';
import { cutText, startBrowserStack, type BrowserStack } from './support';

// Co-design as people without a mouse use it, on a phone, in English: the manager invites the
// reporter of a pépin, the reporter accepts anonymously and writes a revision, the vote is
// opened and closed early by its opener. Every step by Tab and Enter/Space; no text cut.
describe('co-design with the keyboard, on a phone, in English', () => {
  let stack: BrowserStack;
  let operator: TestUser;
  let opener: TestUser;
  let voter: TestUser;
  let proposal: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startBrowserStack();
    const { api } = stack;
    await publishSampleRules(api, ['REFUND-001']);
    const site = await api.world.newSite();
    operator = await api.world.newUser(Role.OPERATOR, { site });
    opener = await api.world.newUser(Role.MANAGER, { site });
    voter = await api.world.newUser(Role.MANAGER, { site });
    await api.world.newUser(Role.MANAGER, { site }); // a third elector: one approval settles nothing
    const pepinId = await acknowledgedPepin(api, operator, opener);
    proposal = await createProposal(
      api,
      opener,
      [pepinId],
      [amendStatement('REFUND-001', 'Vérifier la commande puis rembourser sans attendre le retour du colis.')],
      'Rembourser avant le retour du colis',
    );
  });
  afterAll(() => stack.close());

  /** Tab until `target` has the focus; fails when it never gets it. */
  async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
    await target.waitFor();
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  async function phoneAs(user: TestUser): Promise<Page> {
    const page = await stack.newPage({ locale: 'en-GB' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/login');
    await tabTo(page, page.getByLabel('Email address'));
    await page.keyboard.type(user.email);
    await tabTo(page, page.getByLabel('Password'));
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
    return page;
  }

  it('invites the reporter, who accepts anonymously and revises, all by keyboard', async () => {
    const manager = await phoneAs(opener);
    await manager.goto(`/proposals/${proposal.id}`);
    const invite = manager.getByRole('button', { name: /^Invite the reporter of PEP-/ });
    await tabTo(manager, invite);
    await manager.keyboard.press('Enter');
    await manager.getByText(/^Invitation sent to the reporter of PEP-/).waitFor();
    // Sent once: it is not offered again.
    await expect(invite.count()).resolves.toBe(0);
    expect(await cutText(manager, 'proposal (manager, phone)')).toEqual([]);

    const reporter = await phoneAs(operator);
    await reporter.goto(`/proposals/${proposal.id}`);
    const anonymous = reporter.getByLabel(/^Stay anonymous as a co-author/);
    await expect(anonymous.isChecked()).resolves.toBe(true);
    expect(await cutText(reporter, 'invitation (operator, phone)')).toEqual([]);
    await tabTo(reporter, reporter.getByRole('button', { name: 'Accept the invitation' }));
    await reporter.keyboard.press('Enter');
    const revise = reporter.getByRole('link', { name: 'Revise' });
    await tabTo(reporter, revise);
    await reporter.keyboard.press('Enter');
    await reporter.waitForURL(/\/edit$/);
    await reporter.getByText(/Your revision will read “Co-author \(operator\)”/).waitFor();
    expect(await cutText(reporter, 'editor (co-author, phone)')).toEqual([]);
    await tabTo(reporter, reporter.getByLabel('What this revision changes'));
    await reporter.keyboard.type('A case seen on the phone.');
    await tabTo(reporter, reporter.getByRole('button', { name: 'Save the revision' }));
    await reporter.keyboard.press('Enter');
    await reporter.waitForURL(new RegExp(`/proposals/${proposal.id}$`));
    await reporter.getByText('Revision 2', { exact: true }).first().waitFor();
    await reporter.context().close();

    await manager.reload();
    const coAuthors = manager.getByRole('region', { name: 'Co-authors' });
    // The list of co-authors: the reporter, anonymous, never by name (the site's roster below
    // it lists every operator, this one too, for invitations by name).
    const coAuthorList = coAuthors.getByRole('list').first();
    await coAuthorList.getByText(/^Co-author \(operator\)/).waitFor();
    await expect(coAuthorList.textContent()).resolves.not.toContain(operator.displayName);
    await manager.context().close();
  });

  it('lets the opener close a vote early by keyboard once the quorum is reached', async () => {
    const { api } = stack;
    await api.graphql.ok(
      'mutation($p: ID!, $at: DateTime!) { openVote(proposalId: $p, closesAt: $at, quorum: 1) { id } }',
      { p: proposal.id, at: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      { token: opener.token },
    );
    await api.graphql.ok('mutation($p: ID!) { castVote(proposalId: $p, choice: APPROVE) { choice } }', { p: proposal.id }, { token: voter.token });

    const page = await phoneAs(opener);
    await page.goto(`/proposals/${proposal.id}/vote`);
    await page.getByRole('heading', { name: 'Vote open' }).waitFor();
    expect(await cutText(page, 'vote (opener, phone)')).toEqual([]);
    page.once('dialog', (dialog) => void dialog.accept());
    await tabTo(page, page.getByRole('button', { name: 'Close the vote' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vote closed' }).waitFor();
    await page.getByText('Approved', { exact: true }).first().waitFor();
    expect(await cutText(page, 'closed vote (opener, phone)')).toEqual([]);
    await page.context().close();
  });
});
