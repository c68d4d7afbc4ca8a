import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi } from '@pepite/test-support';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';

const OPEN_VOTE = `mutation($proposalId: ID!, $closesAt: DateTime!) { openVote(proposalId: $proposalId, closesAt: $closesAt) { id } }`;
const CANCEL_VOTE = `mutation($proposalId: ID!) { cancelVote(proposalId: $proposalId) { id } }`;
const HISTORY = `query($id: ID!) { pepin(id: $id) { history { toStatus message } } }`;

interface History {
  pepin: { history: { toStatus: string | null; message: string | null }[] };
}

// Issue 15: the lines the system writes in a pépin's history when a vote opens or closes
// stayed French on English screens. They are stored as parameters and worded per reader.
describe('a pépin’s history in the reader’s language', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE' as const, rule: sampleRule('REFUND-001') }] });
  });
  afterAll(() => api.close());

  it('words the vote lines in the language the request names', async () => {
    const site = await api.world.newSite();
    const manager = await api.world.newUser(Role.MANAGER, { site });
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const pepinId = await acknowledgedPepin(api, reporter, manager);
    const proposal = await createProposal(api, manager, [pepinId], [amendStatement('REFUND-001', 'Rembourser sous 40 €.')]);
    const closesAt = new Date(Date.now() + 48 * 60 * 60 * 1000).toISOString();
    await api.graphql.ok(OPEN_VOTE, { proposalId: proposal.id, closesAt }, { token: manager.token });
    await api.graphql.ok(CANCEL_VOTE, { proposalId: proposal.id }, { token: manager.token });

    const lines = async (language: string) =>
      (await api.graphql.ok<History>(HISTORY, { id: pepinId }, { token: manager.token, language })).pepin.history
        .slice(-2)
        .map((event) => event.message);
    const [openedEn, closedEn] = await lines('en');
    expect(openedEn).toMatch(/^Vote opened on proposal PROP-\d+\.$/);
    expect(closedEn).toMatch(/^Vote on proposal PROP-\d+: sent back to design \(vote cancelled\)\.$/);
    const [openedFr, closedFr] = await lines('fr');
    expect(openedFr).toMatch(/^Vote ouvert sur la proposition PROP-\d+\.$/);
    expect(closedFr).toMatch(/^Vote sur la proposition PROP-\d+ : renvoyée en conception \(vote annulé\)\.$/);
  });
});
