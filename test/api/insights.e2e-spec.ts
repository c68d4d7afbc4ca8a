import { Clock } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { PepinFiling, PepinTriage, type PepinView } from '@pepite/api/pepins';
import { closedMonths } from '../../libs/api/insights/src/domain/calendar-months';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import {
  createProposal,
  INVITE_CO_AUTHOR,
  publishSampleRules,
  RESPOND_TO_INVITATION,
} from '../support/proposal-graphql';
import { PUBLISH_RELEASE } from '../support/publication-graphql';

/**
 * The managers' insights, on a history built through the real services: pépins filed and
 * answered at known past times (the use cases' `{ at }`), a proposal co-designed with an
 * operator, a real vote and a release. Every number below is computed by hand.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const INSIGHTS = `query Insights($siteId: ID, $from: DateTime, $to: DateTime) {
  insights(siteId: $siteId, from: $from, to: $to) {
    siteId from to
    leadTime { count medianHours p90Hours perMonth { month count medianHours } }
    acknowledgement { onTime late overdue compliance weekly { week onTime late overdue } }
    topBlockingRules { ruleKey title pepinCount openCount supportCount }
    refiledAfterChange { ruleKey title version publishedAt kind before after daysAfter beforePerDay afterPerDay }
    participation {
      months {
        month from to
        activeOperators { count fewerThanThree } filers { count fewerThanThree } supporters { count fewerThanThree }
        coDesigners { count fewerThanThree } commenters { count fewerThanThree } endorsers { count fewerThanThree }
      }
      managersWhoVoted managersCalledToVote votesOpened proposals proposalsCoDesigned
    }
  }
}`;

interface PeopleJson {
  count: number | null;
  fewerThanThree: boolean;
}
interface InsightsJson {
  siteId: string;
  from: string;
  to: string;
  leadTime: {
    count: number;
    medianHours: number | null;
    p90Hours: number | null;
    perMonth: { month: string; count: number; medianHours: number }[];
  };
  acknowledgement: {
    onTime: number;
    late: number;
    overdue: number;
    compliance: number | null;
    weekly: { week: string; onTime: number; late: number; overdue: number }[];
  };
  topBlockingRules: {
    ruleKey: string;
    title: string | null;
    pepinCount: number;
    openCount: number;
    supportCount: number;
  }[];
  refiledAfterChange: {
    ruleKey: string;
    title: string | null;
    version: number;
    kind: string;
    before: number;
    after: number;
    daysAfter: number;
    beforePerDay: number;
    afterPerDay: number | null;
  }[];
  participation: {
    months: (Record<
      'activeOperators' | 'filers' | 'supporters' | 'coDesigners' | 'commenters' | 'endorsers',
      PeopleJson
    > & {
      month: string;
      from: string;
      to: string;
    })[];
    managersWhoVoted: number;
    managersCalledToVote: number;
    votesOpened: number;
    proposals: number;
    proposalsCoDesigned: number;
  };
}

let api: TestApi;
let designer: TestUser;
let voter: TestUser;
let publisher: TestUser;
let filer: TestUser;
let second: TestUser;
let third: TestUser;
let coAuthor: TestUser;
let outsider: TestUser;
let otherAdmin: TestUser;
let changeVersion: number;

const ago = (days: number, start = Date.now()) => new Date(start - days * DAY);

async function insights(user: TestUser, variables: Record<string, unknown> = {}): Promise<InsightsJson> {
  return (await api.graphql.ok<{ insights: InsightsJson }>(INSIGHTS, variables, { token: user.token })).insights;
}

beforeAll(async () => {
  api = await startTestApi();
  const place = await api.world.newSite();
  const elsewhere = await api.world.newSite();
  designer = await api.world.newUser(Role.MANAGER, { site: place });
  voter = await api.world.newUser(Role.MANAGER, { site: place });
  publisher = await api.world.newUser(Role.MANAGER, { site: place });
  filer = await api.world.newUser(Role.OPERATOR, { site: place });
  second = await api.world.newUser(Role.OPERATOR, { site: place });
  third = await api.world.newUser(Role.OPERATOR, { site: place });
  coAuthor = await api.world.newUser(Role.OPERATOR, { site: place });
  outsider = await api.world.newUser(Role.MANAGER, { site: elsewhere });
  otherAdmin = await api.world.newUser(Role.ADMIN, { site: elsewhere });
  await publishSampleRules(api, ['REFUND-001', 'REFUND-002', 'DELIVERY-003']);

  const filing = api.app.get(PepinFiling);
  const triage = api.app.get(PepinTriage);
  const start = Date.now();
  const file = (who: TestUser, ruleKey: string, daysAgo: number): Promise<PepinView> =>
    filing.filePepin(
      authenticated(who),
      {
        title: `Blocage sur ${ruleKey}`,
        description: 'La règle ne prévoit pas ce cas et le client est reparti mécontent.',
        ruleKey,
      },
      { at: ago(daysAgo, start) },
    );
  const acknowledge = (pepin: PepinView, afterHours: number) =>
    triage.acknowledgePepin(authenticated(designer), pepin.id, null, {
      at: new Date(pepin.createdAt.getTime() + afterHours * HOUR),
    });

  // Published as pépites: lead times 240 h, 480 h and 960 h (plus the seconds the test takes).
  const p1 = await file(filer, 'REFUND-001', 10);
  await acknowledge(p1, 24); // on time (72 h promise)
  const p2 = await file(filer, 'REFUND-001', 20);
  await acknowledge(p2, 120); // late
  const p3 = await file(filer, 'REFUND-001', 40);
  await acknowledge(p3, 48); // on time
  // Still open.
  await file(second, 'REFUND-002', 8); // never answered: overdue
  const p7 = await file(second, 'REFUND-001', 5);
  await acknowledge(p7, 1); // on time
  await filing.supportPepin(authenticated(filer), p7.id, null, { at: ago(4, start) });
  const p6 = await file(third, 'DELIVERY-003', 12);
  await triage.declinePepin(authenticated(designer), p6.id, 'Cette situation relève du service litiges.', {
    at: new Date(p6.createdAt.getTime() + 12 * HOUR),
  }); // answered straight from NEW, on time

  // Co-designed with an operator, voted by the site's three managers, published by another.
  const proposal = await createProposal(
    api,
    designer,
    [p1.id, p2.id, p3.id],
    [
      {
        kind: 'AMEND',
        ruleKey: 'REFUND-001',
        statement: 'Rembourser sans enquête jusqu’à 250 € quand le transporteur confirme la perte.',
      },
    ],
  );
  await api.graphql.ok(INVITE_CO_AUTHOR, { proposalId: proposal.id, userId: coAuthor.id }, { token: designer.token });
  // Invited by name, the co-author signs (anonymity is for a pépin's reporter invited unnamed).
  await api.graphql.ok(RESPOND_TO_INVITATION, { proposalId: proposal.id, accept: true }, { token: coAuthor.token });
  const closesAt = new Date(Date.now() + DAY).toISOString();
  // Quorum 3: all three managers vote (with 2 of 3 the vote would close once settled).
  await api.graphql.ok(
    `mutation($p: ID!, $at: DateTime!) { openVote(proposalId: $p, closesAt: $at, quorum: 3) { id } }`,
    { p: proposal.id, at: closesAt },
    { token: designer.token },
  );
  for (const manager of [designer, voter, publisher]) {
    await api.graphql.ok(
      `mutation($p: ID!) { castVote(proposalId: $p, choice: APPROVE) { choice } }`,
      { p: proposal.id },
      { token: manager.token },
    );
  }
  const published = await api.graphql.ok<{ publishRelease: { version: number } }>(
    PUBLISH_RELEASE,
    { input: { proposalIds: [proposal.id], notes: 'Seuil relevé.' } },
    { token: publisher.token },
  );
  changeVersion = published.publishRelease.version;

  // Filed again on the amended rule since the release (due in 72 h: not judged yet).
  await filing.filePepin(authenticated(third), {
    title: 'Encore bloqué',
    description: 'Le cas du colis perdu revient malgré la nouvelle règle.',
    ruleKey: 'REFUND-001',
  });
  await filing.filePepin(authenticated(second), {
    title: 'Toujours bloqué',
    description: 'La nouvelle règle ne couvre pas les colis abîmés.',
    ruleKey: 'REFUND-001',
  });
});
afterAll(() => api.close());

describe('insights', () => {
  it('gives lead time median and p90 from filing to pépite', async () => {
    const { leadTime } = await insights(designer);
    expect(leadTime.count).toBe(3);
    // 240, 480, 960 h: median 480; p90 = 480 + 0.8 × (960 − 480) = 864 (plus the test's seconds).
    expect(leadTime.medianHours).toBeGreaterThanOrEqual(480);
    expect(leadTime.medianHours).toBeLessThan(480.2);
    expect(leadTime.p90Hours).toBeGreaterThanOrEqual(864);
    expect(leadTime.p90Hours).toBeLessThan(864.2);
    expect(leadTime.perMonth).toHaveLength(1);
    expect(leadTime.perMonth[0]).toMatchObject({ month: new Date().toISOString().slice(0, 7), count: 3 });
  });

  it('judges the acknowledgement promise: on time, late, still overdue', async () => {
    const { acknowledgement } = await insights(designer);
    // On time: 24 h, 48 h, 1 h, a decline after 12 h; late: 120 h; overdue: the one never answered.
    expect(acknowledgement).toMatchObject({ onTime: 4, late: 1, overdue: 1 });
    expect(acknowledgement.compliance).toBeCloseTo(4 / 6, 6);
    const weekly = acknowledgement.weekly.reduce(
      (sum, week) => ({
        onTime: sum.onTime + week.onTime,
        late: sum.late + week.late,
        overdue: sum.overdue + week.overdue,
      }),
      { onTime: 0, late: 0, overdue: 0 },
    );
    expect(weekly).toEqual({ onTime: 4, late: 1, overdue: 1 });
    expect(acknowledgement.weekly.map((w) => w.week)).toEqual([...acknowledgement.weekly.map((w) => w.week)].sort());
  });

  it('ranks the blocking rules with their titles, open pépins and supports', async () => {
    const { topBlockingRules } = await insights(designer);
    expect(topBlockingRules).toEqual([
      { ruleKey: 'REFUND-001', title: 'Règle de test REFUND-001', pepinCount: 6, openCount: 3, supportCount: 1 },
      { ruleKey: 'DELIVERY-003', title: 'Règle de test DELIVERY-003', pepinCount: 1, openCount: 0, supportCount: 0 },
      { ruleKey: 'REFUND-002', title: 'Règle de test REFUND-002', pepinCount: 1, openCount: 1, supportCount: 0 },
    ]);
  });

  it('compares pépins filed before and after the rule changed', async () => {
    const { refiledAfterChange } = await insights(designer);
    // The creations of the first release are not changes; the amendment is.
    expect(refiledAfterChange).toHaveLength(1);
    // Before (30 days): filed 5, 10 and 20 days ago (not the one 40 days ago); after: two.
    expect(refiledAfterChange[0]).toMatchObject({
      ruleKey: 'REFUND-001',
      version: changeVersion,
      kind: 'AMENDED',
      before: 3,
      after: 2,
      afterPerDay: null,
    });
    expect(refiledAfterChange[0].beforePerDay).toBeCloseTo(3 / 30, 6);
  });

  it('counts participation without naming anyone: operators per ended month, managers over the period', async () => {
    const result = await insights(designer);
    const now = Date.now();
    expect(result.participation.months.length).toBeGreaterThan(0);
    for (const month of result.participation.months) expect(Date.parse(month.to)).toBeLessThanOrEqual(now);
    expect(result.participation).toMatchObject({
      managersWhoVoted: 3,
      managersCalledToVote: 3,
      votesOpened: 1,
      proposals: 1,
      proposalsCoDesigned: 1,
    });
    const text = JSON.stringify(result);
    for (const operator of [filer, second, third, coAuthor]) {
      expect(text).not.toContain(operator.id);
      expect(text).not.toContain(operator.displayName);
    }
  });

  it('counts operators per ended calendar month of the site’s time zone, whatever the period asked', async () => {
    const place = await api.world.newSite(); // Europe/Paris
    const manager = await api.world.newUser(Role.MANAGER, { site: place });
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => api.world.newUser(Role.OPERATOR, { site: place })));
    const now = new Date();
    // The two months before this one, in Paris; the first instant of the last one is, in UTC, still the month before.
    const [older, last] = closedMonths({ from: ago(70, now.getTime()), to: now }, now, 'Europe/Paris').slice(-2);
    const filing = api.app.get(PepinFiling);
    const file = (who: TestUser, at: Date) =>
      filing.filePepin(
        authenticated(who),
        { title: 'Blocage', description: 'La règle ne prévoit pas ce cas du tout.', noRuleApplies: true },
        { at },
      );
    const inOlder = (hours: number) => new Date(older.from.getTime() + hours * HOUR);
    const first = await file(a, inOlder(1));
    await file(a, inOlder(30));
    await file(b, inOlder(50));
    const late = await file(c, new Date(last.from.getTime() - 1)); // the older month's last millisecond
    await filing.supportPepin(authenticated(d), first.id, null, { at: inOlder(60) });
    await file(d, new Date(last.from.getTime() + 30 * 60_000)); // 00:30 in Paris on the 1st: the last month
    await file(b, new Date(now.getTime() - 1000)); // this month: not counted until it ends

    const people = (count: number | null) => ({ count, fewerThanThree: count === null });
    const expected = [
      {
        month: older.month,
        from: older.from.toISOString(),
        to: older.to.toISOString(),
        activeOperators: people(4),
        filers: people(3),
        supporters: people(null),
        coDesigners: people(0),
        commenters: people(0),
        endorsers: people(0),
      },
      {
        month: last.month,
        from: last.from.toISOString(),
        to: last.to.toISOString(),
        activeOperators: people(null),
        filers: people(null),
        supporters: people(0),
        coDesigners: people(0),
        commenters: people(0),
        endorsers: people(0),
      },
    ];
    const months = async (from: Date, to: Date) =>
      (await insights(manager, { from: from.toISOString(), to: to.toISOString() })).participation.months;
    expect(await months(older.from, now)).toEqual(expected);
    // Windows 1 ms apart around a filing, or cutting a month, give the same month figures.
    const at = late.createdAt.getTime();
    expect(await months(new Date(at - 1), new Date(at))).toEqual(expected.slice(0, 1));
    expect(await months(new Date(at), new Date(at + 1))).toEqual(expected.slice(0, 1));
    expect(await months(new Date(at + 1), new Date(at + 2))).toEqual(expected.slice(1));
    expect(await months(new Date(now.getTime() - HOUR), now)).toEqual([]);
  });

  it('follows the period asked for', async () => {
    const now = Date.now();
    const result = await insights(designer, {
      from: ago(15, now).toISOString(),
      to: new Date(now + HOUR).toISOString(),
    });
    // Filed in the last 15 days on REFUND-001: 10 and 5 days ago, and the two since the change.
    expect(result.topBlockingRules.find((rule) => rule.ruleKey === 'REFUND-001')?.pepinCount).toBe(4);
    expect(result.leadTime.count).toBe(3);
    const none = await insights(designer, { from: ago(400, now).toISOString(), to: ago(300, now).toISOString() });
    expect(none.leadTime).toEqual({ count: 0, medianHours: null, p90Hours: null, perMonth: [] });
    expect(none.acknowledgement.compliance).toBeNull();
    expect(
      await api.graphql.errorCode(
        INSIGHTS,
        { from: new Date(now).toISOString(), to: ago(1, now).toISOString() },
        { token: designer.token },
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('lets managers see their own site only, admins any site, and nobody else', async () => {
    const site = designer.siteId;
    expect(await api.graphql.errorCode(INSIGHTS, {}, { token: filer.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(INSIGHTS, {})).toBe('UNAUTHENTICATED');
    expect(await api.graphql.errorCode(INSIGHTS, { siteId: site }, { token: outsider.token })).toBe('FORBIDDEN');
    const theirs = await insights(outsider);
    expect(theirs.siteId).toBe(outsider.siteId);
    expect(theirs.leadTime.count).toBe(0);
    expect(theirs.topBlockingRules).toEqual([]);
    const asAdmin = await insights(otherAdmin, { siteId: site });
    expect(asAdmin.siteId).toBe(site);
    expect(asAdmin.leadTime.count).toBe(3);
    expect(asAdmin.acknowledgement).toMatchObject({ onTime: 4, late: 1, overdue: 1 });
  });

  it('normalises the filings since the change by the days elapsed', async () => {
    api.app.get(Clock).advance(10 * DAY);
    // Sessions are judged by the same clock: ten days on, the manager signs in again.
    const signedInAgain = { ...designer, token: await api.world.login(designer.email, designer.password) };
    const { refiledAfterChange, acknowledgement } = await insights(signedInAgain);
    expect(refiledAfterChange[0].daysAfter).toBeGreaterThan(9.99);
    expect(refiledAfterChange[0].daysAfter).toBeLessThanOrEqual(10.01);
    expect(refiledAfterChange[0].afterPerDay).toBeCloseTo(2 / refiledAfterChange[0].daysAfter, 6);
    // The two filed since the change are now past their 72 h without an answer.
    expect(acknowledgement.overdue).toBe(3);
  });
});
