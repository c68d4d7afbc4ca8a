import { Role } from '@pepite/api/identity';
import { ProposalStatus, ProposalWorkflow } from '@pepite/api/proposals';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { notificationsOf, sql } from '../support/pepin-graphql';
import {
  COMMENT_ON_PROPOSAL,
  ENDORSE_PROPOSAL,
  proposalForNewPepin,
  publishSampleRules,
  readProposal,
  REVISE_PROPOSAL,
  REVISION_COMMENTS,
  type CommentJson,
  type ProposalJson,
} from '../support/proposal-graphql';

let api: TestApi;
let reporter: TestUser;
let manager: TestUser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let admin: TestUser;
let elsewhere: TestUser;

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
  alice = await api.world.newUser(Role.OPERATOR);
  bob = await api.world.newUser(Role.OPERATOR);
  carol = await api.world.newUser(Role.OPERATOR);
  admin = await api.world.newUser(Role.ADMIN);
  elsewhere = await api.world.newUser(Role.OPERATOR, { site: await api.world.newSite() });
  await publishSampleRules(api, ['REFUND-001', 'REFUND-002']);
});
afterAll(() => api.close());

function newProposal(): Promise<ProposalJson> {
  return proposalForNewPepin(api, reporter, manager, [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
}

function comment(user: TestUser, input: Record<string, unknown>, language?: string) {
  return api.graphql.request<{ commentOnProposal: CommentJson }>(
    COMMENT_ON_PROPOSAL,
    { input },
    { token: user.token, language },
  );
}

async function commentOk(user: TestUser, input: Record<string, unknown>): Promise<CommentJson> {
  const response = await comment(user, input);
  expect(response.errors).toBeUndefined();
  return response.data?.commentOnProposal as CommentJson;
}

async function commentsOf(proposalId: string, number: number, user: TestUser): Promise<CommentJson[]> {
  type Data = { proposal: { revision: { comments: CommentJson[] } } };
  return (await api.graphql.ok<Data>(REVISION_COMMENTS, { id: proposalId, number }, { token: user.token })).proposal
    .revision.comments;
}

function endorse(
  user: TestUser,
  id: string,
  extra: { comment?: string | null; signed?: boolean } = {},
  language?: string,
) {
  return api.graphql.request<{ endorseProposal: ProposalJson }>(
    ENDORSE_PROPOSAL,
    { id, ...extra },
    { token: user.token, language },
  );
}

describe('comments on a revision, threaded', () => {
  it('threads replies under what they answer; operators are named only on what they sign', async () => {
    const proposal = await newProposal();
    const root = await commentOk(alice, {
      proposalId: proposal.id,
      revision: 1,
      body: 'Trente euros, c’est trop peu.',
    });
    expect(root).toMatchObject({ revision: 1, parentId: null, depth: 0 });
    expect(root.author).toEqual({ kind: 'OPERATOR', label: 'Opérateur', mine: true, person: null });
    const answer = await commentOk(manager, {
      proposalId: proposal.id,
      revision: 1,
      parentId: root.id,
      body: 'Quel seuil proposeriez-vous ?',
    });
    const signed = await commentOk(bob, {
      proposalId: proposal.id,
      revision: 1,
      parentId: answer.id,
      body: 'Cinquante euros, comme chez nos concurrents.',
      signed: true,
    });
    const second = await commentOk(carol, {
      proposalId: proposal.id,
      revision: 1,
      body: 'Et les paiements en trois fois ?',
    });
    const late = await commentOk(manager, {
      proposalId: proposal.id,
      revision: 1,
      parentId: root.id,
      body: 'Autre piste : 40 €.',
    });

    const forManager = await commentsOf(proposal.id, 1, manager);
    expect(forManager.map((c) => [c.id, c.depth, c.parentId])).toEqual([
      [root.id, 0, null],
      [answer.id, 1, root.id],
      [signed.id, 2, answer.id],
      [late.id, 1, root.id],
      [second.id, 0, null],
    ]);
    expect(forManager.map((c) => c.author.person?.id ?? c.author.label)).toEqual([
      'Opérateur',
      manager.id,
      bob.id,
      manager.id,
      'Opérateur',
    ]);
    expect(JSON.stringify(forManager)).not.toContain(alice.id);
    expect(JSON.stringify(forManager)).not.toContain(carol.id);
    // Alice recognises her own comment; nobody else learns it is hers.
    expect((await commentsOf(proposal.id, 1, alice)).map((c) => c.author.mine)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect((await commentsOf(proposal.id, 1, bob)).map((c) => c.author.mine)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect((await readProposal(api, proposal.id, manager)).commentCount).toBe(5);

    // Alice is told someone answered her, without saying who.
    const told = (await notificationsOf(api, alice)).filter((n) => n.kind === 'PROPOSAL_COMMENT_REPLIED');
    expect(told).toHaveLength(2);
    expect(told[0]?.text.fr).toContain(proposal.reference);

    // The audit log names the manager and the operator who signed, never Alice nor Carol.
    const audit = await sql<{ actor_id: string | null; actor_role: string }>(
      api,
      `SELECT actor_id, actor_role FROM audit_entry WHERE action = 'PROPOSAL_COMMENTED' AND subject_id = $1 ORDER BY id`,
      [proposal.id],
    );
    expect(audit.map((entry) => entry.actor_id)).toEqual([null, manager.id, bob.id, null, manager.id]);
  });

  it('keeps each revision’s comments apart, and a reply on its parent’s revision', async () => {
    const proposal = await newProposal();
    const first = await commentOk(alice, { proposalId: proposal.id, revision: 1, body: 'Sur la première version.' });
    await api.graphql.ok(
      REVISE_PROPOSAL,
      { id: proposal.id, input: { note: 'Deuxième version.', changes: [{ kind: 'RETIRE', ruleKey: 'REFUND-001' }] } },
      { token: manager.token },
    );
    await commentOk(bob, { proposalId: proposal.id, revision: 2, body: 'Sur la deuxième version.' });
    expect((await commentsOf(proposal.id, 1, manager)).map((c) => c.body)).toEqual(['Sur la première version.']);
    expect((await commentsOf(proposal.id, 2, manager)).map((c) => c.body)).toEqual(['Sur la deuxième version.']);

    const crossed = await comment(
      alice,
      { proposalId: proposal.id, revision: 2, parentId: first.id, body: 'Réponse.' },
      'en',
    );
    expect(crossed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(crossed.errors?.[0]?.message).toBe(
      'A reply is about the same revision as the comment it answers (revision 1).',
    );
    const future = await comment(alice, { proposalId: proposal.id, revision: 3, body: 'Trop tôt.' }, 'fr');
    expect(future.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(future.errors?.[0]?.message).toBe(
      `La proposition ${proposal.reference} n’a pas de révision 3 (la dernière est la 2).`,
    );
    const orphan = await comment(alice, {
      proposalId: proposal.id,
      revision: 1,
      parentId: '00000000-0000-4000-8000-000000000000',
      body: 'Réponse.',
    });
    expect(orphan.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await comment(alice, { proposalId: proposal.id, revision: 1, body: ' ' }, 'fr');
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.message).toBe('Le commentaire ne peut pas être publié : Le commentaire est obligatoire.');
    expect(
      (await comment(elsewhere, { proposalId: proposal.id, revision: 1, body: 'Intrus.' })).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
  });
});

describe('endorsements', () => {
  it('counts each operator once; endorsing again changes the comment or the signature, not the count', async () => {
    const proposal = await newProposal();
    expect((await endorse(alice, proposal.id)).data?.endorseProposal.endorsementCount).toBe(1);
    await endorse(bob, proposal.id, { comment: 'Enfin !', signed: true });
    const again = await endorse(alice, proposal.id, { comment: 'Ça nous fera gagner du temps.' });
    expect(again.data?.endorseProposal.endorsementCount).toBe(2);
    expect(again.data?.endorseProposal.myEndorsement).toEqual({
      comment: 'Ça nous fera gagner du temps.',
      signed: false,
    });
    const cleared = await endorse(alice, proposal.id, { comment: '' });
    expect(cleared.data?.endorseProposal.myEndorsement).toEqual({ comment: null, signed: false });
    const unchanged = await endorse(bob, proposal.id);
    expect(unchanged.data?.endorseProposal.myEndorsement).toEqual({ comment: 'Enfin !', signed: true });

    const seen = await readProposal(api, proposal.id, manager);
    expect(seen.endorsementCount).toBe(2);
    expect(seen.myEndorsement).toBeNull();
    expect(seen.endorsements.map((e) => [e.comment, e.signed, e.author.person?.id ?? e.author.label])).toEqual([
      [null, false, 'Opérateur'],
      ['Enfin !', true, bob.id],
    ]);
    expect(JSON.stringify(seen)).not.toContain(alice.id);
    expect((await sql(api, 'SELECT 1 FROM proposal_endorsement WHERE proposal_id = $1', [proposal.id])).length).toBe(2);
    const updatedAt = seen.updatedAt;
    // Endorsing does not move the proposal's updatedAt (it would time operators).
    await endorse(carol, proposal.id);
    expect((await readProposal(api, proposal.id, manager)).updatedAt).toBe(updatedAt);
  });

  it('is for the site’s operators only, on open proposals', async () => {
    const proposal = await newProposal();
    for (const user of [manager, admin]) {
      expect((await endorse(user, proposal.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await endorse(elsewhere, proposal.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const tooLong = await endorse(alice, proposal.id, { comment: 'x'.repeat(1001) }, 'en');
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0]?.message).toBe(
      'The endorsement cannot be saved: The endorsement comment must be at most 1,000 characters long (it has 1,001).',
    );

    const workflow = api.app.get(ProposalWorkflow);
    await workflow.setStatus(proposal.id, ProposalStatus.IN_DESIGN, ProposalStatus.WITHDRAWN);
    const closed = await endorse(alice, proposal.id, {}, 'fr');
    expect(closed.errors?.[0]?.extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(closed.errors?.[0]?.message).toBe(
      `La proposition ${proposal.reference} est close (WITHDRAWN) : plus rien ne peut y être ajouté.`,
    );
    expect(
      (await comment(alice, { proposalId: proposal.id, revision: 1, body: 'Dommage.' })).errors?.[0]?.extensions?.code,
    ).toBe('ILLEGAL_TRANSITION');
  });
});
