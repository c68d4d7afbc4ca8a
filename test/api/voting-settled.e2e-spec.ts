import { Clock } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';

/**
 * Issue 14, "votes that close when decided": a vote closes as soon as the electors who have
 * not voted can no longer change its outcome; its opener (or an admin) can close it early
 * once the quorum is reached; the vote says what is still needed and who may end it.
 */
const HOUR = 60 * 60 * 1000;
const OPEN_VOTE = `mutation($proposalId: ID!, $closesAt: DateTime!, $quorum: Int, $resultsHidden: Boolean) {
  openVote(proposalId: $proposalId, closesAt: $closesAt, quorum: $quorum, resultsHidden: $resultsHidden) { id } }`;
const CAST = `mutation($proposalId: ID!, $choice: VoteChoice!, $reason: String) {
  castVote(proposalId: $proposalId, choice: $choice, reason: $reason) { choice } }`;
const CLOSE = `mutation($proposalId: ID!) { closeVote(proposalId: $proposalId) { status outcome closedAt } }`;
const VOTE = `query($proposalId: ID!) { proposalVote(proposalId: $proposalId) {
  status outcome castCount approvalsNeeded canCancel canClose } }`;

interface VoteJson {
  status: string;
  outcome: string | null;
  castCount: number;
  approvalsNeeded: number | null;
  canCancel: boolean;
  canClose: boolean;
}

let api: TestApi;
let clock: Clock;

beforeAll(async () => {
  api = await startTestApi();
  clock = api.app.get(Clock);
  await api.app
    .get(RulebookPublisher)
    .publish({ changes: [{ kind: 'CREATE' as const, rule: sampleRule('REFUND-001') }] });
});
afterAll(() => api.close());

/** Three managers of a new site, the first opening a vote (quorum 2 by default) on a new proposal. */
async function openedVote(
  options: { quorum?: number; resultsHidden?: boolean } = {},
): Promise<{ managers: TestUser[]; proposalId: string; operator: TestUser }> {
  const site = await api.world.newSite();
  const managers = [
    await api.world.newUser(Role.MANAGER, { site }),
    await api.world.newUser(Role.MANAGER, { site }),
    await api.world.newUser(Role.MANAGER, { site }),
  ];
  const operator = await api.world.newUser(Role.OPERATOR, { site });
  const opener = managers[0] as TestUser;
  const pepinId = await acknowledgedPepin(api, operator, opener);
  const proposal = await createProposal(api, opener, [pepinId], [amendStatement('REFUND-001', 'Sous 40 €.')]);
  const closesAt = new Date(clock.now().getTime() + 72 * HOUR).toISOString();
  await api.graphql.ok(OPEN_VOTE, { proposalId: proposal.id, closesAt, ...options }, { token: opener.token });
  return { managers, proposalId: proposal.id, operator };
}

const cast = (user: TestUser, proposalId: string, choice: string) =>
  api.graphql.ok(CAST, { proposalId, choice, reason: choice === 'REJECT' ? 'Trop large, à revoir ensemble.' : null }, { token: user.token });
const readVote = async (user: TestUser, proposalId: string) =>
  (await api.graphql.ok<{ proposalVote: VoteJson }>(VOTE, { proposalId }, { token: user.token })).proposalVote;
const proposalStatus = async (proposalId: string) =>
  (await sql<{ status: string }>(api, 'SELECT status FROM proposal WHERE id = $1', [proposalId]))[0]?.status;

describe('a vote closes by itself when its outcome can no longer change', () => {
  it('2 approvals of 3 managers with a quorum of 2: approved at once, the proposal ready to publish', async () => {
    const { managers, proposalId } = await openedVote();
    const [a, b, c] = managers as [TestUser, TestUser, TestUser];
    await cast(b, proposalId, 'APPROVE');
    expect(await readVote(a, proposalId)).toMatchObject({ status: 'OPEN', approvalsNeeded: 1 });
    await cast(c, proposalId, 'APPROVE');
    expect(await readVote(a, proposalId)).toMatchObject({ status: 'CLOSED', outcome: 'APPROVED', castCount: 2 });
    expect(await proposalStatus(proposalId)).toBe('APPROVED');
    const closedBy = await sql<{ actor_role: string }>(
      api,
      `SELECT actor_role FROM audit_entry WHERE action = 'VOTE_CLOSED' AND details->>'proposalId' = $1`,
      [proposalId],
    );
    expect(closedBy).toEqual([{ actor_role: 'SYSTEM' }]);
  });

  it('2 rejections of 3: rejected at once, back to design', async () => {
    const { managers, proposalId } = await openedVote();
    await cast(managers[1] as TestUser, proposalId, 'REJECT');
    await cast(managers[2] as TestUser, proposalId, 'REJECT');
    expect(await readVote(managers[0] as TestUser, proposalId)).toMatchObject({ status: 'CLOSED', outcome: 'REJECTED' });
    expect(await proposalStatus(proposalId)).toBe('IN_DESIGN');
  });

  it('stays open while the last elector could still tip it (one approval, one abstention)', async () => {
    const { managers, proposalId } = await openedVote();
    await cast(managers[1] as TestUser, proposalId, 'APPROVE');
    await cast(managers[2] as TestUser, proposalId, 'ABSTAIN');
    expect(await readVote(managers[0] as TestUser, proposalId)).toMatchObject({ status: 'OPEN', approvalsNeeded: 1 });
  });

  it('settles exactly once when the deciding ballots arrive together', async () => {
    const { managers, proposalId } = await openedVote({ quorum: 2 });
    await Promise.all(managers.map((m) => cast(m, proposalId, 'APPROVE').catch(() => 'closed')));
    const rows = await sql<{ n: string }>(
      api,
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'VOTE_CLOSED' AND details->>'proposalId' = $1`,
      [proposalId],
    );
    expect(rows[0]?.n).toBe('1');
    expect(await proposalStatus(proposalId)).toBe('APPROVED');
  });
});

describe('closeVote: its opener or an admin closes early once the quorum is reached', () => {
  it('is refused before the quorum, to another manager, and shown only to whom may use it', async () => {
    const { managers, proposalId, operator } = await openedVote();
    const [opener, other] = managers as [TestUser, TestUser, TestUser];
    expect(await readVote(opener, proposalId)).toMatchObject({ canCancel: true, canClose: false });
    expect(await readVote(other, proposalId)).toMatchObject({ canCancel: false, canClose: false });
    expect(await readVote(operator, proposalId)).toMatchObject({ canCancel: false, canClose: false, approvalsNeeded: null });
    expect(await api.graphql.errorCode(CLOSE, { proposalId }, { token: opener.token })).toBe('ILLEGAL_TRANSITION');
    await cast(other, proposalId, 'APPROVE');
    await cast(opener, proposalId, 'ABSTAIN');
    expect(await readVote(opener, proposalId)).toMatchObject({ status: 'OPEN', canClose: true });
    expect(await readVote(other, proposalId)).toMatchObject({ canClose: false });
    expect(await api.graphql.errorCode(CLOSE, { proposalId }, { token: other.token })).toBe('FORBIDDEN');
    const closed = await api.graphql.ok<{ closeVote: { status: string; outcome: string } }>(
      CLOSE,
      { proposalId },
      { token: opener.token },
    );
    expect(closed.closeVote).toMatchObject({ status: 'CLOSED', outcome: 'APPROVED' });
    expect(await proposalStatus(proposalId)).toBe('APPROVED');
    expect(await api.graphql.errorCode(CLOSE, { proposalId }, { token: opener.token })).toBe('NOT_FOUND');
  });

  it('hides what is still needed while the results are hidden', async () => {
    const { managers, proposalId } = await openedVote({ resultsHidden: true });
    await cast(managers[1] as TestUser, proposalId, 'APPROVE');
    expect(await readVote(managers[0] as TestUser, proposalId)).toMatchObject({ status: 'OPEN', approvalsNeeded: null });
  });
});
