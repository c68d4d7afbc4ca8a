import { Clock } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { PepinStatus } from '@pepite/api/pepins';
import { ProposalStatus } from '@pepite/api/proposals';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { VoteChoice, VoteOutcome, VotingService } from '@pepite/api/voting';
import { authenticated, sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, sql } from '../support/pepin-graphql';
import {
  acknowledgedPepin,
  amendStatement,
  createProposal,
  INVITE_CO_AUTHOR,
  RESPOND_TO_INVITATION,
  REVISE_PROPOSAL,
} from '../support/proposal-graphql';

const HOUR = 60 * 60 * 1000;
const VOTE_FIELDS = `id proposalId revision closesAt quorum electorateSize castCount status outcome resultsHidden
  tally { approve reject abstain cast } rejectReasons myBallot { choice reason } ballots { choice reason manager { id displayName } }`;
const OPEN_VOTE = `mutation Open($proposalId: ID!, $closesAt: DateTime!, $quorum: Int, $resultsHidden: Boolean) {
  openVote(proposalId: $proposalId, closesAt: $closesAt, quorum: $quorum, resultsHidden: $resultsHidden) { id status currentRevision } }`;
const CAST_VOTE = `mutation Cast($proposalId: ID!, $choice: VoteChoice!, $reason: String) {
  castVote(proposalId: $proposalId, choice: $choice, reason: $reason) { choice reason castAt manager { id displayName } } }`;
const CANCEL_VOTE = `mutation Cancel($proposalId: ID!) { cancelVote(proposalId: $proposalId) { ${VOTE_FIELDS} } }`;
const PROPOSAL_VOTE = `query Vote($proposalId: ID!) { proposalVote(proposalId: $proposalId) { ${VOTE_FIELDS} } }`;
const MY_BALLOTS = `query { myBallots { proposalId choice reason } }`;

interface VoteJson {
  id: string;
  revision: number;
  quorum: number;
  electorateSize: number;
  castCount: number;
  status: string;
  outcome: string | null;
  tally: { approve: number; reject: number; abstain: number; cast: number } | null;
  rejectReasons: string[] | null;
  myBallot: { choice: string; reason: string | null } | null;
  ballots: { choice: string; reason: string | null; manager: { id: string; displayName: string } }[] | null;
}

interface Scene {
  site: Awaited<ReturnType<TestApi['world']['newSite']>>;
  managers: [TestUser, TestUser, TestUser];
  reporter: TestUser;
  pepinId: string;
  proposalId: string;
}

let api: TestApi;
let voting: VotingService;
let clock: Clock;
let admin: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  voting = api.app.get(VotingService);
  clock = api.app.get(Clock);
  admin = await api.world.newUser(Role.ADMIN);
  await api.app
    .get(RulebookPublisher)
    .publish({ changes: [{ kind: 'CREATE' as const, rule: sampleRule('REFUND-001') }] });
});
afterAll(() => api.close());

const inHours = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();

/** A site with three managers, an operator's pépin and a proposal answering it (not yet in vote). */
async function scene(): Promise<Scene> {
  const site = await api.world.newSite();
  const managers = [
    await api.world.newUser(Role.MANAGER, { site }),
    await api.world.newUser(Role.MANAGER, { site }),
    await api.world.newUser(Role.MANAGER, { site }),
  ] as Scene['managers'];
  const reporter = await api.world.newUser(Role.OPERATOR, { site });
  const pepinId = await acknowledgedPepin(api, reporter, managers[0]);
  const proposal = await createProposal(
    api,
    managers[0],
    [pepinId],
    [amendStatement('REFUND-001', 'Rembourser sans justificatif sous 40 €.')],
  );
  return { site, managers, reporter, pepinId, proposalId: proposal.id };
}

/** Moves the clock on; sessions are judged by the same clock, so everyone signs in again. */
async function advance(s: Scene, ms: number): Promise<void> {
  clock.advance(ms);
  const fresh = async (user: TestUser): Promise<TestUser> => ({
    ...user,
    token: await api.world.login(user.email, user.password),
  });
  s.managers = (await Promise.all(s.managers.map(fresh))) as Scene['managers'];
  s.reporter = await fresh(s.reporter);
}

async function open(s: Scene, variables: Record<string, unknown> = {}): Promise<void> {
  await api.graphql.ok(
    OPEN_VOTE,
    { proposalId: s.proposalId, closesAt: inHours(48), ...variables },
    { token: s.managers[0].token },
  );
}

function cast(user: TestUser, proposalId: string, choice: string, reason?: string, language?: string) {
  return api.graphql.request<{ castVote: { choice: string } }>(
    CAST_VOTE,
    { proposalId, choice, reason },
    { token: user.token, language },
  );
}

async function readVote(user: TestUser, proposalId: string): Promise<VoteJson | null> {
  return (await api.graphql.ok<{ proposalVote: VoteJson | null }>(PROPOSAL_VOTE, { proposalId }, { token: user.token }))
    .proposalVote;
}

async function statuses(s: Scene): Promise<{ proposal: string; pepin: string }> {
  const [proposal] = await sql<{ status: string }>(api, `SELECT status FROM proposal WHERE id = $1`, [s.proposalId]);
  const [pepin] = await sql<{ status: string }>(api, `SELECT status FROM pepin WHERE id = $1`, [s.pepinId]);
  return { proposal: proposal?.status ?? '', pepin: pepin?.status ?? '' };
}

describe('openVote', () => {
  it('freezes the current revision: the proposal and its pépins go IN_VOTE, the electorate is told, reviseProposal is refused', async () => {
    const s = await scene();
    const opened = await api.graphql.ok<{ openVote: { status: string; currentRevision: number } }>(
      OPEN_VOTE,
      { proposalId: s.proposalId, closesAt: inHours(24) },
      { token: s.managers[0].token },
    );
    expect(opened.openVote).toEqual({ id: s.proposalId, status: 'IN_VOTE', currentRevision: 1 });
    expect(await statuses(s)).toEqual({ proposal: ProposalStatus.IN_VOTE, pepin: PepinStatus.IN_VOTE });
    const vote = await readVote(s.managers[1], s.proposalId);
    expect(vote).toMatchObject({
      revision: 1,
      quorum: 2,
      electorateSize: 3,
      castCount: 0,
      status: 'OPEN',
      outcome: null,
    });
    const told = await sql(
      api,
      `SELECT recipient_id FROM notification WHERE kind = 'VOTE_OPENED' AND subject_id = $1`,
      [s.proposalId],
    );
    expect(told).toHaveLength(3);

    const revise = await api.graphql.request(
      REVISE_PROPOSAL,
      {
        id: s.proposalId,
        input: {
          note: 'Changement pendant le vote.',
          changes: [amendStatement('REFUND-001', 'Autre texte de la règle.')],
        },
      },
      { token: s.managers[1].token },
    );
    expect(revise.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    // One open vote per proposal.
    const again = await api.graphql.request(
      OPEN_VOTE,
      { proposalId: s.proposalId, closesAt: inHours(24) },
      { token: s.managers[1].token },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses bad input in French and English', async () => {
    const s = await scene();
    const past = await api.graphql.request(
      OPEN_VOTE,
      { proposalId: s.proposalId, closesAt: inHours(-1) },
      { token: s.managers[0].token, language: 'fr' },
    );
    expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(past.errors?.[0]?.message).toBe('La date de clôture doit être dans le futur, à 30 jours au plus.');
    const far = await api.graphql.request(
      OPEN_VOTE,
      { proposalId: s.proposalId, closesAt: inHours(31 * 24) },
      { token: s.managers[0].token, language: 'en' },
    );
    expect(far.errors?.[0]?.message).toBe('The closing date must be in the future, at most 30 days ahead.');
    const quorum = await api.graphql.request(
      OPEN_VOTE,
      { proposalId: s.proposalId, closesAt: inHours(2), quorum: 4 },
      { token: s.managers[0].token, language: 'en' },
    );
    expect(quorum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quorum.errors?.[0]?.message).toBe('The quorum must be a whole number from 1 to 3 (the number of voters).');
    expect((await statuses(s)).proposal).toBe(ProposalStatus.IN_DESIGN);

    await open(s);
    const noReason = await cast(s.managers[1], s.proposalId, 'REJECT', 'non', 'fr');
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.message).toBe('Un rejet doit être motivé : de 10 à 2000 caractères.');
    const noReasonEn = await cast(s.managers[1], s.proposalId, 'REJECT', undefined, 'en');
    expect(noReasonEn.errors?.[0]?.message).toBe('A rejection needs a reason: 10 to 2000 characters.');
  });

  it('checks access for each role', async () => {
    const s = await scene();
    const elsewhere = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
    const variables = { proposalId: s.proposalId, closesAt: inHours(24) };
    expect(await api.graphql.errorCode(OPEN_VOTE, variables, { token: s.reporter.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(OPEN_VOTE, variables, { token: elsewhere.token })).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(OPEN_VOTE, variables)).toBe('UNAUTHENTICATED');
    // An admin may open a vote on any site; the electorate stays the site's managers.
    await api.graphql.ok(OPEN_VOTE, variables, { token: admin.token });
    expect((await cast(s.reporter, s.proposalId, 'APPROVE')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await cast(admin, s.proposalId, 'APPROVE')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await cast(elsewhere, s.proposalId, 'APPROVE')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await cast(s.managers[0], s.proposalId, 'REJECT', 'Le seuil de 40 € est trop haut.')).errors,
    ).toBeUndefined();

    // Operators: no tally while open, never the ballots; managers see names.
    expect(await readVote(s.reporter, s.proposalId)).toMatchObject({ tally: null, ballots: null, castCount: 1 });
    const seen = await readVote(s.managers[1], s.proposalId);
    expect(seen?.ballots?.map((b) => b.manager.id)).toEqual([s.managers[0].id]);
    expect(seen?.myBallot).toBeNull();
    expect(
      (await api.graphql.ok<{ myBallots: unknown[] }>(MY_BALLOTS, {}, { token: s.managers[0].token })).myBallots,
    ).toEqual([{ proposalId: s.proposalId, choice: 'REJECT', reason: 'Le seuil de 40 € est trop haut.' }]);
    expect(await api.graphql.errorCode(MY_BALLOTS, {}, { token: s.reporter.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(PROPOSAL_VOTE, { proposalId: s.proposalId }, { token: elsewhere.token })).toBe(
      'NOT_FOUND',
    );

    // cancelVote: the opener (here the admin) or an admin, not another manager.
    expect(await api.graphql.errorCode(CANCEL_VOTE, { proposalId: s.proposalId }, { token: s.managers[1].token })).toBe(
      'FORBIDDEN',
    );
    expect(await api.graphql.errorCode(CANCEL_VOTE, { proposalId: s.proposalId }, { token: s.reporter.token })).toBe(
      'FORBIDDEN',
    );
    const cancelled = await api.graphql.ok<{ cancelVote: VoteJson }>(
      CANCEL_VOTE,
      { proposalId: s.proposalId },
      { token: admin.token },
    );
    expect(cancelled.cancelVote).toMatchObject({ status: 'CLOSED', outcome: 'CANCELLED' });
    expect(await statuses(s)).toEqual({ proposal: ProposalStatus.IN_DESIGN, pepin: PepinStatus.IN_DESIGN });
    // Operators read the outcome after the close, not the ballots.
    expect(await readVote(s.reporter, s.proposalId)).toMatchObject({ outcome: 'CANCELLED', ballots: null });
  });
});

describe('closing a vote', () => {
  it('rejection: everyone voted, so it closes at once; the proposal goes back to design with the reasons; the pépins and their reporter are told', async () => {
    const s = await scene();
    // An operator who co-writes the proposal hears how its vote ended, as its creator does.
    const coAuthor = await api.world.newUser(Role.OPERATOR, { site: s.site });
    await api.graphql.ok(
      INVITE_CO_AUTHOR,
      { proposalId: s.proposalId, userId: coAuthor.id },
      { token: s.managers[0].token },
    );
    await api.graphql.ok(RESPOND_TO_INVITATION, { proposalId: s.proposalId, accept: true }, { token: coAuthor.token });
    await open(s);
    const reasons = ['Le seuil de 40 € est trop haut.', 'Il manque la procédure pour les colis perdus.'];
    expect((await cast(s.managers[0], s.proposalId, 'APPROVE')).errors).toBeUndefined();
    expect((await cast(s.managers[1], s.proposalId, 'REJECT', reasons[0])).errors).toBeUndefined();
    expect((await readVote(s.managers[0], s.proposalId))?.status).toBe('OPEN');
    expect((await cast(s.managers[2], s.proposalId, 'REJECT', reasons[1])).errors).toBeUndefined();

    const vote = await readVote(s.managers[0], s.proposalId);
    expect(vote).toMatchObject({
      status: 'CLOSED',
      outcome: 'REJECTED',
      castCount: 3,
      tally: { approve: 1, reject: 2, abstain: 0, cast: 3 },
    });
    expect(vote?.rejectReasons).toEqual(reasons);
    expect(await statuses(s)).toEqual({ proposal: ProposalStatus.IN_DESIGN, pepin: PepinStatus.IN_DESIGN });
    const [event] = await sql<{ message: string }>(
      api,
      `SELECT message FROM pepin_event WHERE pepin_id = $1 AND to_status = 'IN_DESIGN' AND message LIKE 'Vote%' ORDER BY at DESC LIMIT 1`,
      [s.pepinId],
    );
    for (const reason of reasons) expect(event?.message).toContain(reason);
    const reporterTold = (await notificationsOf(api, s.reporter))[0];
    expect(reporterTold?.text.fr).toContain(reasons[0]);
    expect(reporterTold?.text.en).toMatch(/^Your pépin .* is being co-designed.*Vote on proposal PROP-\d+: rejected/);
    const authorsTold = await sql(
      api,
      `SELECT 1 FROM notification WHERE kind = 'VOTE_CLOSED' AND recipient_id = $1 AND subject_id = $2`,
      [s.managers[0].id, s.proposalId],
    );
    expect(authorsTold).toHaveLength(1);
    const coAuthorTold = await sql(
      api,
      `SELECT 1 FROM notification WHERE kind = 'VOTE_CLOSED' AND recipient_id = $1 AND subject_id = $2`,
      [coAuthor.id, s.proposalId],
    );
    expect(coAuthorTold).toHaveLength(1);
    const audit = await sql<{ action: string }>(
      api,
      `SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY id`,
      [vote?.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['VOTE_OPENED', 'VOTE_CAST', 'VOTE_CAST', 'VOTE_CAST', 'VOTE_CLOSED']);
    // Closed: no more ballots; a new revision and a new vote are possible.
    expect((await cast(s.managers[0], s.proposalId, 'APPROVE')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await voting.approvalOf(s.proposalId)).toBeNull();
  });

  it('quorum not reached at the deadline: NO_QUORUM, back to design; late ballots are refused', async () => {
    const s = await scene();
    await open(s, { closesAt: inHours(2) });
    expect((await cast(s.managers[0], s.proposalId, 'ABSTAIN')).errors).toBeUndefined();
    const vote = await readVote(s.managers[0], s.proposalId);
    expect(await voting.closeIfDue(vote?.id ?? '')).toBe(false);

    await advance(s, 2 * HOUR + 1000);
    expect((await cast(s.managers[1], s.proposalId, 'APPROVE', undefined, 'en')).errors?.[0]).toMatchObject({
      message: 'This vote is closed: it no longer accepts ballots.',
      extensions: { code: 'ILLEGAL_TRANSITION' },
    });
    expect(await voting.closeOverdueVotes()).toBeGreaterThanOrEqual(1);
    expect(await voting.closeIfDue(vote?.id ?? '')).toBe(false); // idempotent: job redelivery changes nothing
    expect(await readVote(s.managers[1], s.proposalId)).toMatchObject({
      status: 'CLOSED',
      outcome: VoteOutcome.NO_QUORUM,
      tally: { approve: 0, reject: 0, abstain: 1, cast: 1 },
    });
    expect(await statuses(s)).toEqual({ proposal: ProposalStatus.IN_DESIGN, pepin: PepinStatus.IN_DESIGN });
  });

  it('approval at the deadline with hidden results: the proposal is APPROVED, its pépins stay IN_VOTE, approvalOf names the vote', async () => {
    const s = await scene();
    await open(s, { closesAt: inHours(3), resultsHidden: true });
    await voting.castVote(authenticated(s.managers[0]), s.proposalId, VoteChoice.APPROVE);
    await voting.castVote(authenticated(s.managers[1]), s.proposalId, VoteChoice.REJECT, 'Pas convaincu par le seuil.');
    await voting.castVote(authenticated(s.managers[1]), s.proposalId, VoteChoice.ABSTAIN); // a change of mind
    // 1 approval, 1 abstention: the third manager could still tie it, so it stays open.
    const hidden = await readVote(s.managers[0], s.proposalId);
    expect(hidden).toMatchObject({
      status: 'OPEN',
      tally: null,
      ballots: null,
      castCount: 2,
      myBallot: { choice: 'APPROVE' },
    });

    await advance(s, 3 * HOUR + 1000);
    expect(await voting.closeIfDue(hidden?.id ?? '')).toBe(true);
    const closed = await readVote(s.reporter, s.proposalId);
    expect(closed).toMatchObject({
      outcome: 'APPROVED',
      tally: { approve: 1, reject: 0, abstain: 1, cast: 2 },
      ballots: null,
    });
    expect(await statuses(s)).toEqual({ proposal: ProposalStatus.APPROVED, pepin: PepinStatus.IN_VOTE });
    expect(await voting.approvalOf(s.proposalId)).toMatchObject({
      voteId: hidden?.id,
      revision: 1,
      tally: { approve: 1 },
    });
  });

  it('settled: approved at once, before the deadline, once the last manager could not change it', async () => {
    const s = await scene();
    await open(s);
    await voting.castVote(authenticated(s.managers[0]), s.proposalId, VoteChoice.APPROVE);
    await voting.castVote(authenticated(s.managers[1]), s.proposalId, VoteChoice.APPROVE);
    expect(await readVote(s.managers[0], s.proposalId)).toMatchObject({ status: 'CLOSED', outcome: 'APPROVED' });
    expect((await statuses(s)).proposal).toBe(ProposalStatus.APPROVED);
    expect((await cast(s.managers[2], s.proposalId, 'APPROVE')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
