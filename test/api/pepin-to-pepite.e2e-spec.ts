import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import type { RulebookSnapshot } from '@pepite/rulebook-format';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

/**
 * The whole loop, over GraphQL as people use it: an operator's pépin becomes a pépite.
 * Operator files → manager acknowledges → proposal with an operator co-author → two
 * managers vote → another manager publishes → the feed serves release N+1 with the new
 * wording, the pépin is PUBLISHED and its reporter is told which release answered it.
 */
describe('pépin to pépite: the whole loop on real PostgreSQL', () => {
  let api: TestApi;
  let reporter: TestUser;
  let coAuthor: TestUser;
  let designer: TestUser;
  let voter: TestUser;
  let publisher: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    const place = await api.world.newSite();
    reporter = await api.world.newUser(Role.OPERATOR, { site: place });
    coAuthor = await api.world.newUser(Role.OPERATOR, { site: place });
    designer = await api.world.newUser(Role.MANAGER, { site: place });
    voter = await api.world.newUser(Role.MANAGER, { site: place });
    publisher = await api.world.newUser(Role.MANAGER, { site: place });
    await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001') }], notes: 'Règlement initial' });
  });
  afterAll(() => api.close());

  const as = (user: TestUser) => ({ token: user.token });

  it('turns a pépin into a pépite through design, vote and publication', async () => {
    const filed = await api.graphql.ok<{ filePepin: { id: string; reference: string; status: string } }>(
      `mutation($input: FilePepinInput!) { filePepin(input: $input) { id reference status } }`,
      {
        input: {
          title: 'Remboursement bloqué au-delà de 150 €',
          description: 'La cliente attendait un colis de 180 € perdu par le transporteur ; la règle m’oblige à la renvoyer vers les litiges.',
          customerImpact: 'MAJOR',
          ruleKey: 'REFUND-001',
          ruleVersion: 1,
        },
      },
      as(reporter),
    );
    const pepin = filed.filePepin;
    expect(pepin.status).toBe('NEW');

    await api.graphql.ok(`mutation($id: ID!) { acknowledgePepin(id: $id, message: "Merci, nous en discutons lundi.") { id } }`, { id: pepin.id }, as(designer));

    const newStatement = 'Rembourser sans enquête préalable jusqu’à 250 € quand le transporteur confirme la perte.';
    const created = await api.graphql.ok<{ createProposal: { id: string; status: string } }>(
      `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id status } }`,
      {
        input: {
          pepinIds: [pepin.id],
          title: 'Relever le seuil de remboursement',
          rationale: 'Les opérateurs renvoient trop de clients de bonne foi vers les litiges pour des montants modestes.',
          changes: [{ kind: 'AMEND', ruleKey: 'REFUND-001', statement: newStatement }],
        },
      },
      as(designer),
    );
    const proposalId = created.createProposal.id;

    await api.graphql.ok(`mutation($p: ID!, $u: ID!) { inviteCoAuthor(proposalId: $p, userId: $u) { id } }`, { p: proposalId, u: coAuthor.id }, as(designer));
    await api.graphql.ok(
      `mutation($p: ID!) { respondToCoAuthorInvitation(proposalId: $p, accept: true) { id } }`,
      { p: proposalId },
      as(coAuthor),
    );

    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    await api.graphql.ok(`mutation($p: ID!, $at: DateTime!) { openVote(proposalId: $p, closesAt: $at, quorum: 3) { id } }`, { p: proposalId, at: closesAt }, as(designer));
    for (const manager of [designer, voter, publisher]) {
      await api.graphql.ok(`mutation($p: ID!) { castVote(proposalId: $p, choice: APPROVE) { choice } }`, { p: proposalId }, as(manager));
    }

    const before = await fetch(`${api.baseUrl}/api/rulebook/releases/latest`, { headers: { authorization: `Bearer ${reporter.token}` } });
    const versionBefore = ((await before.json()) as RulebookSnapshot).version;

    const published = await api.graphql.ok<{ publishRelease: { version: number; answeredPepins: string[] } }>(
      `mutation($input: PublishReleaseInput!) { publishRelease(input: $input) { version answeredPepins } }`,
      { input: { proposalIds: [proposalId], notes: 'Seuil de remboursement relevé.' } },
      as(publisher),
    );
    expect(published.publishRelease.version).toBe(versionBefore + 1);
    expect(published.publishRelease.answeredPepins).toEqual([pepin.reference]);

    const latest = (await (await fetch(`${api.baseUrl}/api/rulebook/releases/latest`, { headers: { authorization: `Bearer ${reporter.token}` } })).json()) as RulebookSnapshot;
    expect(latest.version).toBe(versionBefore + 1);
    expect(latest.rules.find((rule) => rule.key === 'REFUND-001')?.statement).toBe(newStatement);
    expect(latest.changelog.answers).toEqual([pepin.reference]);

    const mine = await api.graphql.ok<{ myPepins: { pepin: { id: string; status: string } }[] }>(`{ myPepins { pepin { id status } } }`, {}, as(reporter));
    expect(mine.myPepins.find((entry) => entry.pepin.id === pepin.id)?.pepin.status).toBe('PUBLISHED');

    const notifications = await api.graphql.ok<{ notifications: { edges: { node: { kind: string; text: string } }[] } }>(
      `{ notifications(first: 50) { edges { node { kind text } } } }`,
      {},
      as(reporter),
    );
    const pepite = notifications.notifications.edges.map((edge) => edge.node).find((node) => node.kind === 'PEPIN_PUBLISHED');
    expect(pepite?.text).toContain(String(versionBefore + 1));
    expect(pepite?.text).toContain('pépite');
  });
});
