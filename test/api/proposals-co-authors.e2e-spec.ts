import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, sql } from '../support/pepin-graphql';
import {
  acknowledgedPepin,
  createProposal,
  INVITE_CO_AUTHOR,
  INVITE_REPORTER,
  proposalForNewPepin,
  publishSampleRules,
  readProposal,
  RESPOND_TO_INVITATION,
  REVISE_PROPOSAL,
  type ProposalJson,
} from '../support/proposal-graphql';

let api: TestApi;
let reporter: TestUser;
let manager: TestUser;
let secondManager: TestUser;
let anonymousOperator: TestUser;
let namedOperator: TestUser;
let decliningOperator: TestUser;
let bystander: TestUser;
let elsewhere: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  secondManager = await api.world.newUser(Role.MANAGER);
  anonymousOperator = await api.world.newUser(Role.OPERATOR);
  namedOperator = await api.world.newUser(Role.OPERATOR);
  decliningOperator = await api.world.newUser(Role.OPERATOR);
  bystander = await api.world.newUser(Role.OPERATOR);
  elsewhere = await api.world.newUser(Role.OPERATOR, { site: await api.world.newSite() });
  await publishSampleRules(api, ['REFUND-001', 'REFUND-002']);
});
afterAll(() => api.close());

function newProposal(): Promise<ProposalJson> {
  return proposalForNewPepin(api, reporter, manager, [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
}

function invite(proposalId: string, user: TestUser, by: TestUser = manager, language?: string) {
  return api.graphql.request<{ inviteCoAuthor: ProposalJson }>(
    INVITE_CO_AUTHOR,
    { proposalId, userId: user.id },
    { token: by.token, language },
  );
}

function inviteReporterOf(proposalId: string, pepinId: string, by: TestUser = manager, language?: string) {
  return api.graphql.request<{ inviteReporter: ProposalJson }>(
    INVITE_REPORTER,
    { proposalId, pepinId },
    { token: by.token, language },
  );
}

function respond(proposalId: string, user: TestUser, accept: boolean, anonymous?: boolean, language?: string) {
  return api.graphql.request<{ respondToCoAuthorInvitation: ProposalJson }>(
    RESPOND_TO_INVITATION,
    { proposalId, accept, anonymous },
    { token: user.token, language },
  );
}

function reviseAs(proposalId: string, user: TestUser, note: string) {
  return api.graphql.request<{ reviseProposal: ProposalJson }>(
    REVISE_PROPOSAL,
    {
      id: proposalId,
      input: { note, changes: [{ kind: 'AMEND', ruleKey: 'REFUND-001', title: `Titre revu ${note.length}` }] },
    },
    { token: user.token },
  );
}

describe('co-authors', () => {
  it('invites managers and operators by name, and a pépin’s reporter unnamed: that one stays anonymous, and no manager ever learns who', async () => {
    // anonymousOperator filed the pépin (unsigned); the managers invite "its reporter".
    const pepin = await acknowledgedPepin(api, anonymousOperator, manager);
    const proposal = await createProposal(api, manager, [pepin], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
    for (const user of [secondManager, namedOperator, decliningOperator]) {
      expect((await invite(proposal.id, user)).errors).toBeUndefined();
    }
    expect((await inviteReporterOf(proposal.id, pepin)).errors).toBeUndefined();
    expect((await notificationsOf(api, anonymousOperator)).map((n) => n.kind)).toContain('PROPOSAL_CO_AUTHOR_INVITED');

    // Pending: the invitee sees their invitation; managers see no operator at all.
    expect((await readProposal(api, proposal.id, anonymousOperator)).myCoAuthorship).toEqual({
      status: 'INVITED',
      anonymous: false,
    });
    const pending = await readProposal(api, proposal.id, manager);
    expect(pending.coAuthors.map((c) => [c.kind, c.status, c.author.person?.id])).toEqual([
      ['MANAGER', 'ACCEPTED', manager.id],
      ['MANAGER', 'INVITED', secondManager.id],
    ]);

    expect((await respond(proposal.id, secondManager, true)).errors).toBeUndefined();
    expect((await respond(proposal.id, anonymousOperator, true)).errors).toBeUndefined();
    expect((await respond(proposal.id, namedOperator, true, false)).errors).toBeUndefined();
    expect((await respond(proposal.id, decliningOperator, false)).errors).toBeUndefined();

    // The anonymous co-author revises: the revision reads "co-author (operator)".
    const revised = await reviseAs(proposal.id, anonymousOperator, 'Une précision venue du terrain.');
    expect(revised.errors).toBeUndefined();
    expect(revised.data?.reviseProposal.revisions[1]?.author).toEqual({
      kind: 'OPERATOR',
      label: 'Co-auteur (opérateur)',
      mine: true,
      person: null,
    });
    // The named one revises under their name.
    await reviseAs(proposal.id, namedOperator, 'Une autre précision, signée.');

    for (const viewer of [manager, secondManager, bystander]) {
      const seen = await readProposal(api, proposal.id, viewer);
      expect(
        seen.coAuthors.map((c) => [c.kind, c.status, c.anonymous, c.author.person?.id ?? null, c.author.label]),
      ).toEqual([
        ['MANAGER', 'ACCEPTED', false, manager.id, 'Manager'],
        ['MANAGER', 'ACCEPTED', false, secondManager.id, 'Manager'],
        ['OPERATOR', 'ACCEPTED', false, namedOperator.id, 'Co-auteur (opérateur)'],
        ['OPERATOR', 'ACCEPTED', true, null, 'Co-auteur (opérateur)'],
      ]);
      expect(seen.coAuthors[3]?.since).toBeNull();
      expect(seen.revisions.map((r) => r.author.person?.id ?? null)).toEqual([manager.id, null, namedOperator.id]);
      expect(seen.revisions[1]?.author.mine).toBe(false);
      // Nowhere in what they read: not the anonymous co-author, nor the one who declined.
      const everything = JSON.stringify(seen);
      expect(everything).not.toContain(anonymousOperator.id);
      expect(everything).not.toContain(anonymousOperator.displayName);
      expect(everything).not.toContain(decliningOperator.id);
    }
    // Nor in their notifications.
    for (const viewer of [manager, secondManager]) {
      const notifications = JSON.stringify(await notificationsOf(api, viewer));
      expect(notifications).toContain('PROPOSAL_REVISED');
      expect(notifications).not.toContain(anonymousOperator.id);
      expect(notifications).not.toContain(anonymousOperator.displayName);
    }
    // Nor in the audit log admins read.
    const audit = await sql<{
      action: string;
      actor_id: string | null;
      actor_role: string;
      details: unknown;
      summary_fr: string;
    }>(
      api,
      `SELECT action, actor_id, actor_role, details, summary_fr FROM audit_entry WHERE subject_id = $1 ORDER BY id`,
      [proposal.id],
    );
    const accepted = audit.filter((entry) => entry.action === 'CO_AUTHOR_ACCEPTED');
    expect(accepted.map((entry) => [entry.actor_role, entry.actor_id])).toEqual([
      ['MANAGER', secondManager.id],
      ['OPERATOR', null],
      ['OPERATOR', namedOperator.id],
    ]);
    const revisedBy = audit.filter((entry) => entry.action === 'PROPOSAL_REVISED').map((entry) => entry.actor_id);
    expect(revisedBy).toEqual([null, namedOperator.id]);
    const anonymousEntries = audit.filter((entry) => entry.actor_role === 'OPERATOR' && entry.actor_id === null);
    expect(JSON.stringify(anonymousEntries)).not.toContain(anonymousOperator.id);
    expect(JSON.stringify(anonymousEntries)).not.toContain(anonymousOperator.displayName);

    // The anonymous co-author sees themself, and only themself.
    const own = await readProposal(api, proposal.id, anonymousOperator);
    expect(own.myCoAuthorship).toEqual({ status: 'ACCEPTED', anonymous: true });
    expect(own.coAuthors.find((c) => c.author.mine)?.author.person?.id).toBe(anonymousOperator.id);
    expect(own.revisions[1]?.author.mine).toBe(true);

    // The one who declined cannot revise.
    expect((await reviseAs(proposal.id, decliningOperator, 'Je change d’avis.')).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('answers an invitation once; inviting again changes nothing and says the same', async () => {
    const proposal = await newProposal();
    await invite(proposal.id, anonymousOperator);
    await respond(proposal.id, anonymousOperator, true);
    const before = (await notificationsOf(api, anonymousOperator)).length;
    const again = await invite(proposal.id, anonymousOperator);
    expect(again.errors).toBeUndefined();
    expect(await notificationsOf(api, anonymousOperator)).toHaveLength(before);
    expect((await readProposal(api, proposal.id, anonymousOperator)).myCoAuthorship?.status).toBe('ACCEPTED');

    const twice = await respond(proposal.id, anonymousOperator, false, undefined, 'en');
    expect(twice.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(twice.errors?.[0]?.message).toBe('You have already accepted this invitation.');
    const uninvited = await respond(proposal.id, bystander, true, undefined, 'fr');
    expect(uninvited.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(uninvited.errors?.[0]?.message).toBe('Vous n’avez pas d’invitation à co-écrire cette proposition.');

    await invite(proposal.id, secondManager);
    const managerAnonymous = await respond(proposal.id, secondManager, true, true, 'en');
    expect(managerAnonymous.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(managerAnonymous.errors?.[0]?.message).toBe(
      'Only operators can stay anonymous: a manager acts under their name.',
    );
  });

  it('refuses invitations by operators, of oneself, and of people of another site', async () => {
    const proposal = await newProposal();
    expect((await invite(proposal.id, bystander, namedOperator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const self = await invite(proposal.id, manager, manager, 'en');
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.message).toBe('You cannot invite yourself: revising the proposal makes you a co-author.');
    const foreign = await invite(proposal.id, elsewhere, manager, 'fr');
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0]?.message).toBe('Invitez un manager ou un opérateur actif du site de la proposition.');
    const unknown = await api.graphql.request(
      INVITE_CO_AUTHOR,
      { proposalId: proposal.id, userId: 'nobody' },
      { token: manager.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The foreign operator cannot even see the proposal to answer.
    expect((await respond(proposal.id, elsewhere, true)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an operator invited by name co-signs: anonymity is refused, and so is any link between a name and an anonymous co-author', async () => {
    const proposal = await newProposal();
    await invite(proposal.id, namedOperator);
    const anonymous = await respond(proposal.id, namedOperator, true, true, 'fr');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(anonymous.errors?.[0]?.message).toContain('un co-auteur invité par son nom co-signe de son nom');
    expect((await readProposal(api, proposal.id, namedOperator)).myCoAuthorship).toEqual({
      status: 'INVITED',
      anonymous: false,
    });
    expect((await respond(proposal.id, namedOperator, true)).errors).toBeUndefined();
    const seen = await readProposal(api, proposal.id, manager);
    expect(seen.coAuthors.map((c) => [c.anonymous, c.author.person?.id ?? null])).toEqual([
      [false, manager.id],
      [false, namedOperator.id],
    ]);
  });

  it('invites the reporter of a linked pépin only, answering the same whoever they are; the managers may invite any operator of the site', async () => {
    const pepin = await acknowledgedPepin(api, bystander, manager);
    const proposal = await createProposal(api, manager, [pepin], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
    const CANDIDATES = `query($id: ID!) { proposal(id: $id) { coAuthorCandidates { id displayName } } }`;
    const candidates = async (user: TestUser) =>
      (
        await api.graphql.ok<{ proposal: { coAuthorCandidates: { id: string }[] } }>(
          CANDIDATES,
          { id: proposal.id },
          { token: user.token },
        )
      ).proposal.coAuthorCandidates.map((person) => person.id);
    const before = await candidates(manager);
    for (const operator of [reporter, anonymousOperator, namedOperator, decliningOperator, bystander]) {
      expect(before).toContain(operator.id);
    }
    expect(before).toContain(secondManager.id);
    expect(before).not.toContain(manager.id);
    expect(before).not.toContain(elsewhere.id);
    expect(await candidates(bystander)).toEqual([]);

    const first = await inviteReporterOf(proposal.id, pepin);
    const second = await inviteReporterOf(proposal.id, pepin);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    const [notice] = (await notificationsOf(api, bystander)).filter((n) => n.kind === 'PROPOSAL_CO_AUTHOR_INVITED');
    expect(JSON.stringify(notice)).toContain('PEP-');
    expect((await respond(proposal.id, bystander, true)).errors).toBeUndefined();
    // Accepted anonymously: still a candidate by name (taking them off would name them), and
    // inviting them by name changes nothing and says the same as for anyone.
    expect(await candidates(manager)).toEqual(before);
    const byName = await invite(proposal.id, bystander);
    const someoneElse = await invite(proposal.id, reporter);
    expect(byName.errors).toBeUndefined();
    expect(byName.data).toEqual(someoneElse.data);
    const seen = JSON.stringify(await readProposal(api, proposal.id, manager));
    expect(seen).not.toContain(bystander.id);

    const otherPepin = await acknowledgedPepin(api, reporter, manager);
    const unlinked = await inviteReporterOf(proposal.id, otherPepin, manager, 'en');
    expect(unlinked.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unlinked.errors?.[0]?.message).toBe('This pépin is not one the proposal answers.');
  });
});
