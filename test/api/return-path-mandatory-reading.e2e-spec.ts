import { Role } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { amendStatement } from '../support/proposal-graphql';
import { approvedProposal, PUBLISH_RELEASE } from '../support/publication-graphql';

/**
 * "Lecture obligatoire" (issue 19): flagged at publication (a release's rule, an advisory),
 * listed first for each operator until acknowledged, seen by managers as who has not read it,
 * and a reminder to those.
 */

const MINE = `{ myMandatoryReadings { kind releaseVersion ruleKey title message acknowledgedAt } }`;
const ACK = `mutation($input: AcknowledgeRuleChangeInput!) { acknowledgeRuleChange(input: $input) { releaseVersion ruleKey acknowledgedAt } }`;
const STATUS = `query($siteId: ID) { mandatoryReadingStatus(siteId: $siteId) {
  kind releaseVersion ruleKey title operators acknowledged pending { userId displayName teamName } } }`;
const REMIND = `mutation($input: RemindMandatoryReadingInput!) { remindMandatoryReading(input: $input) { reminded } }`;
const ADVISORY = `mutation($input: PublishAdvisoryInput!) { publishAdvisory(input: $input) { id } }`;

interface Reading {
  kind: string;
  releaseVersion: number;
  ruleKey: string;
  title: string;
  message: string | null;
  acknowledgedAt: string | null;
}
interface Status {
  releaseVersion: number;
  ruleKey: string;
  operators: number;
  acknowledged: number;
  pending: { userId: string; displayName: string }[];
}

let api: TestApi;
let operators: TestUser[];
let manager: TestUser;
let author: TestUser;
let version: number;

beforeAll(async () => {
  api = await startTestApi();
  operators = await Promise.all([1, 2, 3].map(() => api.world.newUser(Role.OPERATOR)));
  manager = await api.world.newUser(Role.MANAGER);
  author = await api.world.newUser(Role.MANAGER);
  await api.app.get(RulebookPublisher).publish({
    changes: [{ kind: 'CREATE', rule: sampleRule('READ-001') }, { kind: 'CREATE', rule: sampleRule('READ-002') }],
  });
  // A release of approved proposals, READ-001 flagged mandatory, published by another manager.
  const { proposal } = await approvedProposal(api, operators[0] as TestUser, author, [
    amendStatement('READ-001', 'Rembourser sans justificatif jusqu’à 50 €, et le noter au dossier.'),
  ]);
  const { publishRelease } = await api.graphql.ok<{ publishRelease: { version: number } }>(
    PUBLISH_RELEASE,
    { input: { proposalIds: [proposal.id], mandatoryRuleKeys: ['READ-001'] } },
    { token: manager.token },
  );
  version = publishRelease.version;
});
afterAll(() => api.close());

const mine = async (user: TestUser) => (await api.graphql.ok<{ myMandatoryReadings: Reading[] }>(MINE, {}, { token: user.token })).myMandatoryReadings;
const status = async () => (await api.graphql.ok<{ mandatoryReadingStatus: Status[] }>(STATUS, {}, { token: manager.token })).mandatoryReadingStatus;

describe('mandatory reading', () => {
  it('is flagged at publication and listed for every operator until acknowledged', async () => {
    const [first] = await mine(operators[1] as TestUser);
    expect(first).toMatchObject({ kind: 'RULE_CHANGE', releaseVersion: version, ruleKey: 'READ-001', acknowledgedAt: null });
    const release = await api.graphql.ok<{ releases: { edges: { node: { version: number; mandatoryRules: string[] } }[] } }>(
      '{ releases(first: 1) { edges { node { version mandatoryRules } } } }',
      {},
      { token: manager.token },
    );
    expect(release.releases.edges[0]?.node).toEqual({ version, mandatoryRules: ['READ-001'] });
  });

  it('refuses to flag a rule the release does not change, and writes nothing', async () => {
    const { proposal } = await approvedProposal(api, operators[0] as TestUser, author, [
      amendStatement('READ-002', 'Proposer un avoir avant tout remboursement.'),
    ]);
    const before = await api.graphql.ok<{ releases: { totalCount: number } }>('{ releases { totalCount } }', {}, { token: manager.token });
    expect(
      await api.graphql.errorCode(PUBLISH_RELEASE, { input: { proposalIds: [proposal.id], mandatoryRuleKeys: ['READ-001'] } }, { token: manager.token }),
    ).toBe('BAD_USER_INPUT');
    const after = await api.graphql.ok<{ releases: { totalCount: number } }>('{ releases { totalCount } }', {}, { token: manager.token });
    expect(after.releases.totalCount).toBe(before.releases.totalCount);
  });

  it('records the acknowledgement once, with its time, and managers see the count move and who is left', async () => {
    const [a, b, c] = operators as [TestUser, TestUser, TestUser];
    const readingOf = (list: Status[]) => list.find((item) => item.releaseVersion === version && item.ruleKey === 'READ-001');
    const before = readingOf(await status());
    expect(before).toMatchObject({ operators: 3, acknowledged: 0 });
    const { acknowledgeRuleChange } = await api.graphql.ok<{ acknowledgeRuleChange: Reading }>(
      ACK,
      { input: { releaseVersion: version, ruleKey: 'READ-001' } },
      { token: a.token },
    );
    expect(acknowledgeRuleChange.acknowledgedAt).not.toBeNull();
    // Again: the first time is kept.
    const again = await api.graphql.ok<{ acknowledgeRuleChange: Reading }>(ACK, { input: { releaseVersion: version, ruleKey: 'READ-001' } }, { token: a.token });
    expect(again.acknowledgeRuleChange.acknowledgedAt).toBe(acknowledgeRuleChange.acknowledgedAt);
    const after = readingOf(await status());
    expect(after).toMatchObject({ operators: 3, acknowledged: 1 });
    expect(after?.pending.map((reader) => reader.userId).sort()).toEqual([b.id, c.id].sort());
    // The operator's own list: read ones after those still to read, with the time.
    expect((await mine(a)).find((item) => item.ruleKey === 'READ-001')?.acknowledgedAt).toBe(acknowledgeRuleChange.acknowledgedAt);
  });

  it('covers mandatory advisories too, shown first', async () => {
    await api.graphql.ok(
      ADVISORY,
      { input: { ruleKey: 'READ-002', message: 'Vérifier l’identité avant tout avoir.', expiresAt: new Date(Date.now() + 86_400_000).toISOString(), mandatory: true } },
      { token: manager.token },
    );
    const list = await mine(operators[0] as TestUser);
    expect(list[0]).toMatchObject({ kind: 'ADVISORY', ruleKey: 'READ-002', message: 'Vérifier l’identité avant tout avoir.', acknowledgedAt: null });
  });

  it('reminds those who have not acknowledged, in their notifications', async () => {
    const { remindMandatoryReading } = await api.graphql.ok<{ remindMandatoryReading: { reminded: number } }>(
      REMIND,
      { input: { releaseVersion: version, ruleKey: 'READ-001' } },
      { token: manager.token },
    );
    expect(remindMandatoryReading.reminded).toBe(2);
    const notes = async (user: TestUser) =>
      (await api.graphql.ok<{ notifications: { edges: { node: { kind: string; text: string } }[] } }>(
        '{ notifications(first: 10) { edges { node { kind text } } } }',
        {},
        { token: user.token },
      )).notifications.edges.map((edge) => edge.node);
    expect((await notes(operators[1] as TestUser)).some((note) => note.kind === 'MANDATORY_READING_REMINDER' && note.text.includes('READ-001'))).toBe(true);
    expect((await notes(operators[0] as TestUser)).some((note) => note.kind === 'MANDATORY_READING_REMINDER')).toBe(false);
  });

  it('refuses an unknown change, other roles, and another site', async () => {
    const operator = operators[0] as TestUser;
    expect(await api.graphql.errorCode(ACK, { input: { releaseVersion: version, ruleKey: 'READ-999' } }, { token: operator.token })).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(ACK, { input: { releaseVersion: version, ruleKey: 'READ-001' } }, { token: manager.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(STATUS, {}, { token: operator.token })).toBe('FORBIDDEN');
    const elsewhere = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
    expect(await api.graphql.errorCode(STATUS, { siteId: manager.siteId }, { token: elsewhere.token })).toBe('FORBIDDEN');
  });
});
