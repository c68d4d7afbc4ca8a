import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { FILE_PEPIN, notificationsOf, sql, type PepinJson } from '../support/pepin-graphql';
import { acknowledgedPepin, amendStatement, createProposal } from '../support/proposal-graphql';

/**
 * Idempotency keys on the other creations (askReporter, replyToManagers,
 * requestListeningSession, createUser, createSite, createTeam, openVote), on the shared
 * idempotency records: the same key gives the same result and creates (and notifies)
 * nothing more, the same key with other input is CONFLICT, keys are per user. And filePepin's
 * own keys are forgotten after 24 hours.
 */
let api: TestApi;
let admin: TestUser;
let otherAdmin: TestUser;

const code = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  answer.errors?.[0]?.extensions?.code;
const count = async (query: string, params: unknown[]) =>
  (await sql<{ n: number }>(api, `SELECT count(*)::int AS n FROM ${query}`, params))[0]?.n;

beforeAll(async () => {
  api = await startTestApi();
  await api.app.get(RulebookPublisher).publish({ changes: [{ kind: 'CREATE', rule: sampleRule('REFUND-001') }] });
  admin = await api.world.newUser(Role.ADMIN);
  otherAdmin = await api.world.newUser(Role.ADMIN);
});
afterAll(() => api.close());

describe('idempotency keys on the pépin conversation', () => {
  const ASK = `mutation($pepinId: ID!, $body: String!, $key: String) { askReporter(pepinId: $pepinId, body: $body, idempotencyKey: $key) { id } }`;
  const REPLY = `mutation($pepinId: ID!, $body: String!, $key: String) { replyToManagers(pepinId: $pepinId, body: $body, idempotencyKey: $key) { id } }`;

  it('asks once per key, tells the reporter once, and keys are per manager', async () => {
    const site = await api.world.newSite();
    const manager = await api.world.newUser(Role.MANAGER, { site });
    const colleague = await api.world.newUser(Role.MANAGER, { site });
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    const ask = (user: TestUser, body: string, key = 'ask-key-0001') =>
      api.graphql.request<{ askReporter: { id: string } }>(
        ASK,
        { pepinId: pepin.id, body, key },
        { token: user.token },
      );

    const answers = await Promise.all([ask(manager, 'Quel était le motif ?'), ask(manager, 'Quel était le motif ?')]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers[0]?.data?.askReporter.id).toBe(answers[1]?.data?.askReporter.id);
    const again = await ask(manager, 'Quel était le motif ?');
    expect(again.data?.askReporter.id).toBe(answers[0]?.data?.askReporter.id);
    expect(await count('pepin_message WHERE pepin_id = $1', [pepin.id])).toBe(1);
    expect(await notificationsOf(api, reporter)).toHaveLength(1);

    expect(code(await ask(manager, 'Une autre question, même clé.'))).toBe('CONFLICT');
    const theirs = await ask(colleague, 'Quel était le motif ?');
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.askReporter.id).not.toBe(answers[0]?.data?.askReporter.id);
    expect(await count('pepin_message WHERE pepin_id = $1', [pepin.id])).toBe(2);
    expect(code(await ask(manager, 'Quel était le motif ?', 'bad key!'))).toBe('BAD_USER_INPUT');
  });

  it('replies once per key and tells the managers once', async () => {
    const site = await api.world.newSite();
    const manager = await api.world.newUser(Role.MANAGER, { site });
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const otherReporter = await api.world.newUser(Role.OPERATOR, { site });
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    const theirPepin = await api.world.newPepin(otherReporter, { noRuleApplies: true });
    await api.graphql.ok(ASK, { pepinId: pepin.id, body: 'Quel était le motif ?' }, { token: manager.token });
    await api.graphql.ok(ASK, { pepinId: theirPepin.id, body: 'Quel était le motif ?' }, { token: manager.token });
    const before = (await notificationsOf(api, manager)).length;
    const reply = (user: TestUser, pepinId: string, body: string) =>
      api.graphql.request<{ replyToManagers: { id: string } }>(
        REPLY,
        { pepinId, body, key: 'reply-key-0001' },
        { token: user.token },
      );

    const first = await reply(reporter, pepin.id, 'Un remboursement refusé.');
    const again = await reply(reporter, pepin.id, 'Un remboursement refusé.');
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.replyToManagers.id).toBe(first.data?.replyToManagers.id);
    expect(await count('pepin_message WHERE pepin_id = $1', [pepin.id])).toBe(2);
    expect((await notificationsOf(api, manager)).length).toBe(before + 1);
    expect(code(await reply(reporter, pepin.id, 'Autre chose.'))).toBe('CONFLICT');
    // Another reporter's same key is theirs.
    expect((await reply(otherReporter, theirPepin.id, 'Un remboursement refusé.')).errors).toBeUndefined();
    expect(await count('pepin_message WHERE pepin_id = $1', [theirPepin.id])).toBe(2);
  });
});

describe('idempotency keys on requestListeningSession', () => {
  const REQUEST = `mutation($input: RequestListeningSessionInput!) { requestListeningSession(input: $input) { id status } }`;

  it('asks once per key, tells the manager once, conflicts on other input, and keys are per operator', async () => {
    const site = await api.world.newSite();
    const chosen = await api.world.newUser(Role.MANAGER, { site });
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const otherReporter = await api.world.newUser(Role.OPERATOR, { site });
    const pepin = await api.world.newPepin(reporter, { noRuleApplies: true });
    const theirPepin = await api.world.newPepin(otherReporter, { noRuleApplies: true });
    const request = (user: TestUser, pepinId: string, reason: string) =>
      api.graphql.request<{ requestListeningSession: { id: string } }>(
        REQUEST,
        { input: { pepinId, managerId: chosen.id, reason, idempotencyKey: 'listen-key-0001' } },
        { token: user.token },
      );

    const answers = await Promise.all([
      request(reporter, pepin.id, 'Réécoutons l’appel.'),
      request(reporter, pepin.id, 'Réécoutons l’appel.'),
    ]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers[0]?.data?.requestListeningSession.id).toBe(answers[1]?.data?.requestListeningSession.id);
    expect(await count('listening_session WHERE pepin_id = $1', [pepin.id])).toBe(1);
    expect(await notificationsOf(api, chosen)).toHaveLength(1);
    expect(code(await request(reporter, pepin.id, 'Une autre raison.'))).toBe('CONFLICT');

    const theirs = await request(otherReporter, theirPepin.id, 'Réécoutons l’appel.');
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.requestListeningSession.id).not.toBe(answers[0]?.data?.requestListeningSession.id);
  });
});

describe('idempotency keys on createUser, createSite and createTeam', () => {
  const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { id name } }`;
  const CREATE_TEAM = `mutation($siteId: ID!, $name: String!, $key: String) { createTeam(siteId: $siteId, name: $name, idempotencyKey: $key) { id name } }`;
  const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`;

  it('creates one site per key; other input is CONFLICT; keys are per admin', async () => {
    const name = `Site idempotent ${Date.now()}`;
    const create = (user: TestUser, siteName: string) =>
      api.graphql.request<{ createSite: { id: string } }>(
        CREATE_SITE,
        { input: { name: siteName, timeZone: 'Europe/Paris', idempotencyKey: 'site-key-0001' } },
        { token: user.token },
      );
    const first = await create(admin, name);
    const again = await create(admin, name);
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.createSite.id).toBe(first.data?.createSite.id);
    expect(await count('site WHERE name = $1', [name])).toBe(1);
    expect(code(await create(admin, `${name} bis`))).toBe('CONFLICT');
    expect(await count('site WHERE name = $1', [`${name} bis`])).toBe(0);
    // Another admin's same key is theirs.
    const theirs = await create(otherAdmin, `${name} ter`);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.createSite.id).not.toBe(first.data?.createSite.id);
  });

  it('creates one team per key', async () => {
    const { site } = await api.world.newSite();
    const before = await count('team WHERE site_id = $1', [site.id]);
    const create = (user: TestUser, name: string) =>
      api.graphql.request<{ createTeam: { id: string } }>(
        CREATE_TEAM,
        { siteId: site.id, name, key: 'team-key-0001' },
        { token: user.token },
      );
    const answers = await Promise.all([create(admin, 'Recouvrement'), create(admin, 'Recouvrement')]);
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers[0]?.data?.createTeam.id).toBe(answers[1]?.data?.createTeam.id);
    expect(await count('team WHERE site_id = $1', [site.id])).toBe((before ?? 0) + 1);
    expect(code(await create(admin, 'Fidélisation'))).toBe('CONFLICT');
    expect((await create(otherAdmin, 'Fidélisation')).errors).toBeUndefined();
    expect(await count('team WHERE site_id = $1', [site.id])).toBe((before ?? 0) + 2);
  });

  it('creates one account per key, without keeping the password in the fingerprint', async () => {
    const place = await api.world.newSite();
    const email = `idem-${Date.now()}@example.com`;
    const input = (address: string, displayName = 'Camille Idem') => ({
      email: address,
      displayName,
      role: 'OPERATOR',
      siteId: place.site.id,
      teamId: place.team.id,
      password: 'correct horse battery',
      idempotencyKey: 'user-key-0001',
    });
    const create = (user: TestUser, variables: ReturnType<typeof input>) =>
      api.graphql.request<{ createUser: { id: string } }>(CREATE_USER, { input: variables }, { token: user.token });
    const first = await create(admin, input(email));
    const again = await create(admin, input(email));
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.createUser.id).toBe(first.data?.createUser.id);
    expect(await count('app_user WHERE email = $1', [email])).toBe(1);
    expect(code(await create(admin, input(email, 'Camille Autre')))).toBe('CONFLICT');
    const theirs = await create(otherAdmin, input(`other-${email}`));
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.createUser.id).not.toBe(first.data?.createUser.id);
    const stored = await sql<{ request_hash: string; result: unknown }>(
      api,
      `SELECT request_hash, result FROM idempotency_record WHERE scope = 'createUser' AND owner_id = $1`,
      [admin.id],
    );
    expect(JSON.stringify(stored)).not.toContain('correct horse');
  });
});

describe('idempotency keys on openVote', () => {
  const OPEN = `mutation($p: ID!, $at: DateTime!, $quorum: Int, $key: String) {
    openVote(proposalId: $p, closesAt: $at, quorum: $quorum, idempotencyKey: $key) { id status } }`;

  it('opens one vote per key, conflicts on other input, keys are per manager', async () => {
    const site = await api.world.newSite();
    const managers = [
      await api.world.newUser(Role.MANAGER, { site }),
      await api.world.newUser(Role.MANAGER, { site }),
    ] as const;
    const reporter = await api.world.newUser(Role.OPERATOR, { site });
    const pepinId = await acknowledgedPepin(api, reporter, managers[0]);
    const proposal = await createProposal(
      api,
      managers[0],
      [pepinId],
      [amendStatement('REFUND-001', 'Rembourser sans justificatif sous 40 €.')],
    );
    const closesAt = new Date(Date.now() + 48 * 3600 * 1000).toISOString();
    const open = (user: TestUser, quorum: number) =>
      api.graphql.request<{ openVote: { id: string; status: string } }>(
        OPEN,
        { p: proposal.id, at: closesAt, quorum, key: 'vote-key-0001' },
        { token: user.token },
      );
    const before = (await notificationsOf(api, managers[1])).length;
    const first = await open(managers[0], 1);
    const again = await open(managers[0], 1);
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.openVote.status).toBe('IN_VOTE');
    expect(await count('vote WHERE proposal_id = $1', [proposal.id])).toBe(1);
    expect((await notificationsOf(api, managers[1])).length).toBe(before + 1);
    expect(code(await open(managers[0], 2))).toBe('CONFLICT');
    // The colleague's same key is a new request: the vote is already open.
    expect(code(await open(managers[1], 1))).not.toBe('CONFLICT');
    expect(await count('vote WHERE proposal_id = $1', [proposal.id])).toBe(1);
  });
});

describe('filePepin keys are kept 24 hours', () => {
  it('forgets a filing key after 24 hours', async () => {
    const reporter = await api.world.newUser(Role.OPERATOR);
    const file = (title: string) =>
      api.graphql.request<{ filePepin: PepinJson }>(
        FILE_PEPIN,
        {
          input: {
            title,
            description: 'Le client a dû rappeler trois fois pour le même remboursement.',
            customerImpact: 'MINOR',
            noRuleApplies: true,
            idempotencyKey: 'file-key-0001',
          },
        },
        { token: reporter.token },
      );
    const first = await file('Remboursement trop lent');
    const again = await file('Remboursement trop lent');
    expect([first.errors, again.errors]).toEqual([undefined, undefined]);
    expect(again.data?.filePepin.id).toBe(first.data?.filePepin.id);
    expect(code(await file('Autre titre'))).toBe('CONFLICT');
    await sql(api, `UPDATE pepin SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      first.data?.filePepin.id,
    ]);
    const late = await file('Autre titre');
    expect(late.errors).toBeUndefined();
    expect(late.data?.filePepin.id).not.toBe(first.data?.filePepin.id);
    expect(await count('pepin WHERE reporter_id = $1', [reporter.id])).toBe(2);
  });
});
