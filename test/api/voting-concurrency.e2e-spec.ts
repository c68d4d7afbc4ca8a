import { Role } from '@pepite/api/identity';
import { ProposalStatus } from '@pepite/api/proposals';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { VoteChoice, VotingService } from '@pepite/api/voting';
import { Clock } from '@pepite/api/database';
import { authenticated, sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';

const CHOICES = [VoteChoice.APPROVE, VoteChoice.REJECT, VoteChoice.ABSTAIN];
const DAY = 24 * 60 * 60 * 1000;

let api: TestApi;
let voting: VotingService;

beforeAll(async () => {
  api = await startTestApi();
  voting = api.app.get(VotingService);
  await api.app
    .get(RulebookPublisher)
    .publish({ changes: [{ kind: 'CREATE' as const, rule: sampleRule('REFUND-001') }] });
});
afterAll(() => api.close());

/**
 * A site with `voters` managers who will vote and one more, the opener, who will not; the
 * quorum is the whole electorate, so the vote stays open (it closes by itself only once
 * the ballots settle it, which needs the quorum).
 */
async function siteWithProposal(
  voters: number,
): Promise<{ opener: TestUser; managers: TestUser[]; proposalId: string }> {
  const site = await api.world.newSite();
  const opener = await api.world.newUser(Role.MANAGER, { site });
  const managers: TestUser[] = [];
  for (let i = 0; i < voters; i++) managers.push(await api.world.newUser(Role.MANAGER, { site }));
  const reporter = await api.world.newUser(Role.OPERATOR, { site });
  const pepin = await acknowledgedPepin(api, reporter, opener);
  const proposal = await createProposal(
    api,
    opener,
    [pepin],
    [amendStatement('REFUND-001', 'Rembourser sans justificatif sous 40 €.')],
  );
  await voting.openVote(authenticated(opener), {
    proposalId: proposal.id,
    closesAt: new Date(api.app.get(Clock).now().getTime() + DAY),
    quorum: voters + 1,
  });
  return { opener, managers, proposalId: proposal.id };
}

function cast(manager: TestUser, proposalId: string, choice: VoteChoice) {
  const reason = choice === VoteChoice.REJECT ? `Je rejette : la règle reste floue (${manager.id.slice(0, 8)}).` : null;
  return voting.castVote(authenticated(manager), proposalId, choice, reason);
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

async function ballotRows(proposalId: string): Promise<{ manager_id: string; choice: VoteChoice }[]> {
  return sql(
    api,
    `SELECT b.manager_id, b.choice FROM ballot b JOIN vote v ON v.id = b.vote_id WHERE v.proposal_id = $1`,
    [proposalId],
  );
}

describe('castVote under concurrency', () => {
  it('1,000 casts from 50 managers (20 changes of mind each, all managers at once) leave one ballot per manager with its last choice, and a correct tally', async () => {
    const { opener, managers, proposalId } = await siteWithProposal(50);
    // Each manager's 20 choices, its last one known; the managers start in shuffled order.
    const plans = new Map(
      managers.map((m, k) => [
        m.id,
        Array.from({ length: 20 }, (_, i) => CHOICES[(i * (k + 1) + k) % 3] as VoteChoice),
      ]),
    );
    await Promise.all(
      shuffled(managers).map(async (manager) => {
        for (const choice of plans.get(manager.id) ?? []) await cast(manager, proposalId, choice);
      }),
    );

    const rows = await ballotRows(proposalId);
    expect(rows).toHaveLength(50);
    for (const row of rows) expect(row.choice).toBe(plans.get(row.manager_id)?.at(-1));

    const expected = { approve: 0, reject: 0, abstain: 0, cast: 50 };
    for (const plan of plans.values()) {
      const last = plan.at(-1);
      if (last === VoteChoice.APPROVE) expected.approve++;
      else if (last === VoteChoice.REJECT) expected.reject++;
      else expected.abstain++;
    }
    const vote = await voting.proposalVote(authenticated(opener), proposalId);
    expect(vote?.status).toBe('OPEN');
    expect(vote?.castCount).toBe(50);
    expect(vote?.tally).toEqual(expected);
    expect(vote?.ballots).toHaveLength(50);
  }, 180_000);

  it('one manager casting 20 times at once leaves one ballot, one of the sent choices, and the tally matches the rows', async () => {
    const { opener, managers, proposalId } = await siteWithProposal(3);
    const [hasty, other] = managers as [TestUser, TestUser, TestUser];
    const sent = Array.from({ length: 20 }, (_, i) => CHOICES[i % 3] as VoteChoice);
    await Promise.all([
      ...shuffled(sent).map((choice) => cast(hasty, proposalId, choice)),
      cast(other, proposalId, VoteChoice.APPROVE),
    ]);

    const rows = await ballotRows(proposalId);
    expect(rows.filter((row) => row.manager_id === hasty.id)).toHaveLength(1);
    expect(sent).toContain(rows.find((row) => row.manager_id === hasty.id)?.choice);
    const vote = await voting.proposalVote(authenticated(opener), proposalId);
    const count = (choice: VoteChoice) => rows.filter((row) => row.choice === choice).length;
    expect(vote?.tally).toEqual({
      approve: count(VoteChoice.APPROVE),
      reject: count(VoteChoice.REJECT),
      abstain: count(VoteChoice.ABSTAIN),
      cast: 2,
    });
    const [proposal] = await sql<{ status: string }>(api, `SELECT status FROM proposal WHERE id = $1`, [proposalId]);
    expect(proposal?.status).toBe(ProposalStatus.IN_VOTE);
  }, 60_000);
});
