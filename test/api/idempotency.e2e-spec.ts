import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { sql } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, CREATE_PROPOSAL, type ProposalJson } from '../support/proposal-graphql';
import { approvedProposal, PUBLISH_RELEASE, type PublishedReleaseJson } from '../support/publication-graphql';

/**
 * Idempotency keys on creations, with the semantics of the best payment APIs: the same key
 * gives the same stored result and creates nothing more (also under concurrent retries), the
 * same key with different input is CONFLICT, and keys are kept 24 hours. filePepin has its
 * own (pepins-filing.e2e-spec.ts); createProposal uses the shared idempotency records.
 */
describe('idempotency keys on createProposal', () => {
  let api: TestApi;
  let manager: TestUser;
  let colleague: TestUser;
  let reporter: TestUser;

  const input = (pepinIds: string[], idempotencyKey?: string, title = 'Rembourser sans justificatif sous 30 €') => ({
    pepinIds,
    title,
    rationale: 'Les clients attendent trop longtemps pour de petites sommes : la règle coûte plus qu’elle ne protège.',
    changes: [amendStatement('REFUND-001', 'Rembourser sans justificatif sous 30 €.')],
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const create = (user: TestUser, variables: ReturnType<typeof input>) =>
    api.graphql.request<{ createProposal: ProposalJson }>(CREATE_PROPOSAL, { input: variables }, { token: user.token });
  const proposalsOf = async (pepinId: string) =>
    sql<{ proposal_id: string }>(api, 'SELECT proposal_id FROM proposal_pepin WHERE pepin_id = $1', [pepinId]);

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001') }] });
    const site = await api.world.newSite();
    manager = await api.world.newUser(Role.MANAGER, { site });
    colleague = await api.world.newUser(Role.MANAGER, { site });
    reporter = await api.world.newUser(Role.OPERATOR, { site });
  });
  afterAll(() => api.close());

  it('returns the same proposal for the same key and creates nothing more', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const first = await create(manager, input([pepin], 'proposal-key-0001'));
    expect(first.errors).toBeUndefined();
    const again = await create(manager, input([pepin], 'proposal-key-0001'));
    expect(again.errors).toBeUndefined();
    expect(again.data?.createProposal.id).toBe(first.data?.createProposal.id);
    expect(again.data?.createProposal.reference).toBe(first.data?.createProposal.reference);
    expect(await proposalsOf(pepin)).toHaveLength(1);
    // Without a key, the same request is a new attempt: the pépin is already IN_DESIGN.
    expect((await create(manager, input([pepin]))).errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('answers CONFLICT to the same key with different input, and changes nothing', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const first = await create(manager, input([pepin], 'proposal-key-0002'));
    expect(first.errors).toBeUndefined();
    const other = await create(manager, input([pepin], 'proposal-key-0002', 'Un autre titre pour la même clé'));
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.status).toBe(200);
    expect(await proposalsOf(pepin)).toHaveLength(1);
    // Keys belong to their user: a colleague's same key is a different one.
    const second = await acknowledgedPepin(api, reporter, manager);
    const theirs = await create(colleague, input([second], 'proposal-key-0002'));
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.createProposal.id).not.toBe(first.data?.createProposal.id);
  });

  it('creates one proposal when the same request is retried concurrently', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(manager, input([pepin], 'proposal-key-0003'))),
    );
    expect(answers.map((answer) => answer.errors)).toEqual(Array(6).fill(undefined));
    expect(new Set(answers.map((answer) => answer.data?.createProposal.id)).size).toBe(1);
    expect(await proposalsOf(pepin)).toHaveLength(1);
  });

  it('posts a comment once per key', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const proposal = (await create(manager, input([pepin], 'proposal-key-0005'))).data?.createProposal as ProposalJson;
    const COMMENT = `mutation Comment($input: CommentOnProposalInput!) { commentOnProposal(input: $input) { id } }`;
    const comment = (body: string) =>
      api.graphql.request<{ commentOnProposal: { id: string } }>(
        COMMENT,
        { input: { proposalId: proposal.id, revision: 1, body, idempotencyKey: 'comment-key-0001' } },
        { token: reporter.token },
      );
    const answers = await Promise.all([
      comment('Je confirme, ça arrive tous les jours.'),
      comment('Je confirme, ça arrive tous les jours.'),
    ]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers[0]?.data?.commentOnProposal.id).toBe(answers[1]?.data?.commentOnProposal.id);
    expect(await sql(api, 'SELECT id FROM proposal_comment WHERE proposal_id = $1', [proposal.id])).toHaveLength(1);
    expect((await comment('Autre chose avec la même clé.')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('forgets a key after 24 hours, and refuses a malformed one', async () => {
    const pepin = await acknowledgedPepin(api, reporter, manager);
    const first = await create(manager, input([pepin], 'proposal-key-0004'));
    expect(first.errors).toBeUndefined();
    await sql(
      api,
      `UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = 'proposal-key-0004'`,
    );
    // The key is free again: this is a new request (and the pépin has moved on meanwhile).
    const late = await create(manager, input([pepin], 'proposal-key-0004', 'Un autre titre, un jour plus tard'));
    expect(late.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect((await create(manager, input([pepin], 'short'))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('idempotency keys on publishRelease and rollbackRelease', () => {
  let api: TestApi;
  let author: TestUser;
  let publisher: TestUser;
  let reporter: TestUser;
  const ROLLBACK = `mutation Rollback($toVersion: Int!, $reason: String!, $idempotencyKey: String) {
    rollbackRelease(toVersion: $toVersion, reason: $reason, idempotencyKey: $idempotencyKey) { version sha256 }
  }`;
  const releases = async () => (await sql<{ n: number }>(api, 'SELECT count(*)::int AS n FROM release'))[0]?.n;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.get(RulebookPublisher).publish({
      changes: [
        { kind: 'CREATE', rule: sampleRule('REFUND-001') },
        { kind: 'CREATE', rule: sampleRule('REFUND-002') },
      ],
    });
    const site = await api.world.newSite();
    author = await api.world.newUser(Role.MANAGER, { site });
    publisher = await api.world.newUser(Role.MANAGER, { site });
    reporter = await api.world.newUser(Role.OPERATOR, { site });
  });
  afterAll(() => api.close());

  it('publishes once per key: a retry gets the same release, other input is CONFLICT', async () => {
    const { proposal } = await approvedProposal(api, reporter, author, [
      amendStatement('REFUND-001', 'Nouvelle procédure.'),
    ]);
    const publish = (idempotencyKey: string, notes = 'Version de printemps') =>
      api.graphql.request<{ publishRelease: PublishedReleaseJson }>(
        PUBLISH_RELEASE,
        { input: { proposalIds: [proposal.id], notes, idempotencyKey } },
        { token: publisher.token },
      );
    const before = await releases();
    const first = await publish('release-key-0001');
    expect(first.errors).toBeUndefined();
    const retried = await publish('release-key-0001');
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.publishRelease).toEqual(first.data?.publishRelease);
    expect(await releases()).toBe((before ?? 0) + 1);
    expect((await publish('release-key-0001', 'Autres notes')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Without the key, a retry is a new request: the proposal is already published.
    expect((await publish('release-key-0002')).errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('publishes an advisory once per key', async () => {
    const PUBLISH_ADVISORY = `mutation Advise($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id seq message } }`;
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const advise = (message: string) =>
      api.graphql.request<{ publishAdvisory: { id: string; seq: number; message: string } }>(
        PUBLISH_ADVISORY,
        { input: { ruleKey: 'REFUND-002', message, expiresAt, idempotencyKey: 'advisory-key-0001' } },
        { token: publisher.token },
      );
    const answers = await Promise.all([
      advise('Consigne provisoire : rembourser.'),
      advise('Consigne provisoire : rembourser.'),
    ]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers[1]?.data?.publishAdvisory).toEqual(answers[0]?.data?.publishAdvisory);
    expect(await sql(api, `SELECT id FROM advisory WHERE rule_key = 'REFUND-002'`)).toHaveLength(1);
    expect((await advise('Une autre consigne, même clé.')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('rolls back once per key', async () => {
    const latest = (await sql<{ v: number }>(api, 'SELECT max(version)::int AS v FROM release'))[0]?.v as number;
    const rollback = (idempotencyKey: string, toVersion = 1) =>
      api.graphql.request<{ rollbackRelease: { version: number; sha256: string } }>(
        ROLLBACK,
        { toVersion, reason: 'Retour à une version antérieure, le temps de corriger.', idempotencyKey },
        { token: publisher.token },
      );
    const answers = await Promise.all([
      rollback('rollback-key-0001'),
      rollback('rollback-key-0001'),
      rollback('rollback-key-0001'),
    ]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(answers.map((answer) => answer.data?.rollbackRelease.version))).toEqual(new Set([latest + 1]));
    expect(await releases()).toBe(latest + 1);
    // Another key is another rollback.
    expect((await rollback('rollback-key-0002', latest)).data?.rollbackRelease.version).toBe(latest + 2);
  });
});
