import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { approvedProposal, PUBLISH_RELEASE, type PublishedReleaseJson } from '../support/publication-graphql';

let api: TestApi;
let reporter: TestUser;
let author: TestUser;

beforeAll(async () => {
  api = await startTestApi({ PUBLICATION_FOUR_EYES: 'false' });
  reporter = await api.world.newUser(Role.OPERATOR);
  author = await api.world.newUser(Role.MANAGER);
  await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001') }] });
});
afterAll(() => api.close());

it('with PUBLICATION_FOUR_EYES=false, lets the only author publish their own proposal', async () => {
  const { proposal } = await approvedProposal(api, reporter, author, [
    { kind: 'AMEND', ruleKey: 'REFUND-001', statement: 'Rembourser sans justificatif sous 20 €.' },
  ]);
  const response = await api.graphql.request<{ publishRelease: PublishedReleaseJson }>(
    PUBLISH_RELEASE,
    { input: { proposalIds: [proposal.id] } },
    { token: author.token },
  );
  expect(response.errors).toBeUndefined();
  expect(response.data?.publishRelease).toMatchObject({ version: 2, changes: { amended: ['REFUND-001'] } });
});
