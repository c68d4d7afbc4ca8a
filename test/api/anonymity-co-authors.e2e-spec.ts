import { Role } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { normalise } from './anonymity/manager-view';
import { notificationsOf } from '../support/pepin-graphql';
import {
  acknowledgedPepin,
  createProposal,
  INVITE_CO_AUTHOR,
  INVITE_REPORTER,
  PROPOSAL_FIELDS,
  publishSampleRules,
  RESPOND_TO_INVITATION,
  REVISE_PROPOSAL,
} from '../support/proposal-graphql';

/*
 * The co-authoring side of the anonymity promise (kept apart from the pépin property test
 * in anonymity-property.e2e-spec.ts). Rule: a person invited by name co-signs; only "the
 * reporter of PEP-…", invited unnamed, may co-author anonymously.
 *
 * The same story runs in two worlds (two sites of one API) that differ only in WHICH
 * operator filed which pépin, so which one is the anonymous co-author: world 1 has
 * operator 0 report pépin A and operator 1 pépin B, world 2 the other way round. The
 * managers invite both reporters unnamed and every operator by name, the reporter of A
 * accepts anonymously and writes a revision, the reporter of B declines; then the managers
 * probe: every invitation again, by name and as reporter, every read of the proposal
 * (co-authors, candidates, revisions, diff), their notifications. With every person
 * replaced by their index, the managers' transcripts of both worlds must be equal: nothing
 * they can see tells operator 0 from operator 1.
 */

const PROBE = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS}
  coAuthorCandidates { id displayName }
  revision { number diff(against: PUBLISHED) { ruleKey fields { field before after } } } } }`;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await publishSampleRules(api, ['REFUND-001', 'REFUND-002']);
});
afterAll(() => api.close());

interface World {
  managers: TestUser[];
  operators: TestUser[];
  /** The generated titles of pépins A and B ("Pépin <n>"), different in each world. */
  pepinTitles: string[];
  transcript: unknown[];
}

async function world(reporterOfA: number, reporterOfB: number): Promise<World> {
  const site = await api.world.newSite();
  const managers = [await api.world.newUser(Role.MANAGER, { site }), await api.world.newUser(Role.MANAGER, { site })];
  const operators: TestUser[] = [];
  for (let i = 0; i < 4; i++) operators.push(await api.world.newUser(Role.OPERATOR, { site }));
  const [designer, other] = managers as [TestUser, TestUser];
  const op = (i: number) => operators[i] as TestUser;
  const pepinA = await acknowledgedPepin(api, op(reporterOfA), designer);
  const pepinB = await acknowledgedPepin(api, op(reporterOfB), designer);
  const proposal = await createProposal(api, designer, [pepinA, pepinB], [{ kind: 'RETIRE', ruleKey: 'REFUND-002' }]);
  const transcript: unknown[] = [];
  const as = (user: TestUser) => ({ token: user.token });
  const record = async (label: string, query: string, variables: Record<string, unknown>, user: TestUser) =>
    transcript.push([label, await api.graphql.request(query, variables, as(user))]);

  await record('invite reporter A', INVITE_REPORTER, { proposalId: proposal.id, pepinId: pepinA }, designer);
  await record('invite reporter B', INVITE_REPORTER, { proposalId: proposal.id, pepinId: pepinB }, designer);
  await record('invite 2', INVITE_CO_AUTHOR, { proposalId: proposal.id, userId: op(2).id }, designer);
  await record('invite 3', INVITE_CO_AUTHOR, { proposalId: proposal.id, userId: op(3).id }, other);
  // The operators act (not recorded: the managers do not see these answers).
  await api.graphql.ok(RESPOND_TO_INVITATION, { proposalId: proposal.id, accept: true }, as(op(reporterOfA)));
  await api.graphql.ok(RESPOND_TO_INVITATION, { proposalId: proposal.id, accept: false }, as(op(reporterOfB)));
  await api.graphql.ok(RESPOND_TO_INVITATION, { proposalId: proposal.id, accept: true }, as(op(3)));
  await api.graphql.ok(
    REVISE_PROPOSAL,
    {
      id: proposal.id,
      input: { note: 'Le cas vu au téléphone.', changes: [{ kind: 'AMEND', ruleKey: 'REFUND-001', title: 'Titre revu' }] },
    },
    as(op(reporterOfA)),
  );
  // The managers probe.
  for (const manager of managers) {
    await record('read', PROBE, { id: proposal.id }, manager);
    for (let i = 0; i < 4; i++) {
      await record(`invite ${i} again`, INVITE_CO_AUTHOR, { proposalId: proposal.id, userId: op(i).id }, manager);
    }
    await record('invite reporter A again', INVITE_REPORTER, { proposalId: proposal.id, pepinId: pepinA }, manager);
    await record('invite reporter B again', INVITE_REPORTER, { proposalId: proposal.id, pepinId: pepinB }, manager);
    await record('read again', PROBE, { id: proposal.id }, manager);
    transcript.push(['notifications', await notificationsOf(api, manager)]);
  }
  const titleOf = (id: string) => proposal.pepins.find((pepin) => pepin.id === id)?.title ?? '';
  return { managers, operators, transcript, pepinTitles: [titleOf(pepinA), titleOf(pepinB)] };
}

/** Candidates are listed by name, and names differ between worlds: compared as sets. */
function sortedCandidates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCandidates);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => {
    if (key === 'coAuthorCandidates' && Array.isArray(item)) {
      return [key, [...item].sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1))];
    }
    return [key, sortedCandidates(item)];
  });
  return Object.fromEntries(entries);
}

function withoutCandidates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCandidates);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'coAuthorCandidates')
      .map(([key, item]) => [key, withoutCandidates(item)]),
  );
}

function managersSee(w: World): string {
  const people = [
    ...w.managers.map((m, i) => [m, `manager ${i}`] as const),
    ...w.operators.map((o, i) => [o, `operator ${i}`] as const),
  ];
  const replacements = [
    ...people.flatMap(([user, label]) => [
      [user.id, `<${label}>`] as const,
      [user.displayName, `<${label} name>`] as const,
    ]),
    ...w.pepinTitles.map((title, i) => [title, `<pépin ${'AB'[i]} title>`] as const),
  ];
  // Replace people first so that candidates sort by their placeholder, the same in both worlds.
  const named = JSON.parse(normalise(w.transcript, replacements)) as unknown;
  return JSON.stringify(sortedCandidates(named));
}

describe('co-authors stay unlinkable: a manager cannot tell which operator is the anonymous co-author', () => {
  it('gives the managers the same transcript whichever operator reported which pépin', async () => {
    const first = await world(0, 1);
    const second = await world(1, 0);
    const [one, two] = [managersSee(first), managersSee(second)];
    // Operators 0 and 1 never signed anything: the managers meet them only as people they may invite.
    for (const w of [first, second]) {
      const text = JSON.stringify(withoutCandidates(w.transcript));
      for (const operator of w.operators.slice(0, 2)) {
        expect(text).not.toContain(operator.id);
        expect(text).not.toContain(operator.displayName);
      }
    }
    expect(one).toContain('Co-auteur (opérateur)');
    expect(one).toEqual(two);
  }, 300_000);
});
