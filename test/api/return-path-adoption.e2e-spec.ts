import { Clock } from '@pepite/api/database';
import { Role, type SiteEntity, type TeamEntity } from '@pepite/api/identity';
import { RulebookPublisher } from '@pepite/api/rulebook';
import { sampleRule, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { DataSource } from 'typeorm';

/**
 * Desktop status and release adoption (issue 19): the figures checked against planted rows,
 * then live after a publication through the API's own mutation.
 */

const HOUR = 3_600_000;
const REPORT = `mutation($input: ReportDesktopStatusInput!) { reportDesktopStatus(input: $input) { releaseVersion recorded } }`;
const ADOPTION = `query($version: Int!, $siteId: ID) { releaseAdoption(version: $version, siteId: $siteId) {
  version activeWindowHours staleAfterHours share hoursTo50 hoursTo95
  activeOperators { count fewerThanThree } running { count fewerThanThree } staleDesktops { count fewerThanThree }
  teams { teamId teamName share activeOperators { count fewerThanThree } running { count fewerThanThree } staleDesktops { count fewerThanThree } }
} }`;

interface Counted {
  count: number | null;
  fewerThanThree: boolean;
}
interface Adoption {
  version: number;
  share: number | null;
  hoursTo50: number | null;
  hoursTo95: number | null;
  activeOperators: Counted;
  running: Counted;
  staleDesktops: Counted;
  teams: { teamId: string | null; teamName: string | null; share: number | null; activeOperators: Counted; running: Counted; staleDesktops: Counted }[];
}

let api: TestApi;
let place: { site: SiteEntity; team: TeamEntity };
let teamB: TeamEntity;
let teamA: TestUser[];
let teamBUsers: TestUser[];
let manager: TestUser;
let version: number;
let publishedAt: Date;

beforeAll(async () => {
  api = await startTestApi();
  place = await api.world.newSite();
  teamB = await api.world.directory.ensureTeam(place.site.id, 'Équipe B');
  teamA = await Promise.all([1, 2, 3, 4, 5].map(() => api.world.newUser(Role.OPERATOR, { site: place })));
  teamBUsers = await Promise.all([1, 2].map(() => api.world.newUser(Role.OPERATOR, { site: { site: place.site, team: teamB } })));
  manager = await api.world.newUser(Role.MANAGER, { site: place });
  const publisher = api.app.get(RulebookPublisher);
  await publisher.publish({ changes: [{ kind: 'CREATE', rule: sampleRule('ADOPT-001') }] });
  const release = await publisher.publish({ changes: [{ kind: 'AMEND', rule: sampleRule('ADOPT-001', { title: 'Adoption amendée' }) }] });
  version = release.version;
  publishedAt = release.publishedAt;
  // Ten hours after the publication; signed in again, as sessions are judged by the same clock.
  api.app.get(Clock).advance(10 * HOUR);
  const fresh = async (user: TestUser): Promise<TestUser> => ({ ...user, token: await api.world.login(user.email, user.password) });
  teamA = await Promise.all(teamA.map(fresh));
  teamBUsers = await Promise.all(teamBUsers.map(fresh));
  manager = await fresh(manager);
});
afterAll(() => api.close());

const sql = <T = unknown>(text: string, values: unknown[]): Promise<T[]> => api.app.get(DataSource).query(text, values);
const now = () => api.app.get(Clock).now().getTime();
const at = (ms: number) => new Date(ms).toISOString();

async function plant(user: TestUser, desktop: string, releaseVersion: number, reportedAt: number, tookAt?: number): Promise<void> {
  await sql(
    `INSERT INTO desktop_status (user_id, desktop_id, site_id, team_id, release_version, applied_at, reported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [user.id, desktop, user.siteId, user.teamId, releaseVersion, at(tookAt ?? reportedAt), at(reportedAt)],
  );
  if (tookAt !== undefined) {
    await sql(
      `INSERT INTO release_uptake (user_id, release_version, site_id, first_applied_at) VALUES ($1, $2, $3, $4)`,
      [user.id, releaseVersion, user.siteId, at(tookAt)],
    );
  }
}

const adoption = async (v: number, token = manager.token) =>
  (await api.graphql.ok<{ releaseAdoption: Adoption }>(ADOPTION, { version: v }, { token })).releaseAdoption;

describe('release adoption', () => {
  it('matches planted statuses: share, time to 50 % and 95 %, stale desktops, teams folded under 3', async () => {
    const p = publishedAt.getTime();
    const [a1, a2, a3, a4, a5] = teamA as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const [b1, b2] = teamBUsers as [TestUser, TestUser];
    const d = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    await plant(a1, d(1), version, now() - HOUR, p + 1 * HOUR);
    await plant(a2, d(1), version, now() - HOUR, p + 2 * HOUR);
    await plant(a3, d(1), version, now() - HOUR, p + 3 * HOUR);
    // Two desktops: one has it, the other not yet — a4 does not run it (an old rule on screen).
    await plant(a4, d(1), version, now() - HOUR, p + 4 * HOUR);
    await plant(a4, d(2), version - 1, now() - 2 * HOUR);
    // Silent for 13 h: no longer active, not yet stale (24 h).
    await plant(a5, d(1), version - 1, now() - 13 * HOUR);
    await plant(b1, d(1), version, now() - HOUR, p + 5 * HOUR);
    // Silent for 30 h: stale.
    await plant(b2, d(1), version - 1, now() - 30 * HOUR);

    const figures = await adoption(version);
    expect(figures.activeOperators).toEqual({ count: 5, fewerThanThree: false });
    expect(figures.running).toEqual({ count: 4, fewerThanThree: false });
    expect(figures.share).toBeCloseTo(0.8);
    // ⌈0.5 × 5⌉ = 3rd operator: a3 at 3 h; ⌈0.95 × 5⌉ = 5th: b1 at 5 h.
    expect(figures.hoursTo50).toBeCloseTo(3);
    expect(figures.hoursTo95).toBeCloseTo(5);
    expect(figures.staleDesktops).toEqual({ count: null, fewerThanThree: true });
    const a = figures.teams.find((team) => team.teamId === place.team.id);
    const b = figures.teams.find((team) => team.teamId === teamB.id);
    expect(a).toMatchObject({ activeOperators: { count: 4 }, running: { count: 3 }, staleDesktops: { count: 0 } });
    expect(a?.share).toBeCloseTo(0.75);
    // One active operator in team B: folded, and so is how many of them run it.
    expect(b).toMatchObject({
      teamName: 'Équipe B',
      share: null,
      activeOperators: { count: null, fewerThanThree: true },
      running: { count: null, fewerThanThree: true },
      staleDesktops: { count: null, fewerThanThree: true },
    });
    // Nothing in the answer names a person or a desktop.
    const text = JSON.stringify(figures);
    for (const user of [...teamA, ...teamBUsers]) {
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.displayName);
    }
    expect(text).not.toContain(d(2));
  });

  it('moves live after a publication as desktops report through the API', async () => {
    const next = await api.app.get(RulebookPublisher).publish({
      changes: [{ kind: 'AMEND', rule: sampleRule('ADOPT-001', { title: 'Adoption, troisième' }) }],
    });
    const before = await adoption(next.version);
    expect(before.running).toEqual({ count: 0, fewerThanThree: false });
    const reportedAt = now();
    for (const user of teamA.slice(0, 3)) {
      const { reportDesktopStatus } = await api.graphql.ok<{ reportDesktopStatus: { recorded: boolean } }>(
        REPORT,
        { input: { releaseVersion: next.version, appliedAt: at(reportedAt), desktopId: '00000000-0000-4000-8000-000000000001' } },
        { token: user.token },
      );
      expect(reportDesktopStatus.recorded).toBe(true);
    }
    const after = await adoption(next.version);
    expect(after.running).toEqual({ count: 3, fewerThanThree: false });
    expect(after.activeOperators).toEqual({ count: 5, fewerThanThree: false });
    // The third of five took it when they reported (the test's clock runs ahead of the publisher's).
    expect(after.hoursTo50).toBeCloseTo((reportedAt - next.publishedAt.getTime()) / HOUR, 2);
    expect(after.hoursTo95).toBeNull();
  });

  it('keeps a status idempotent: the same report again, or a late older one, changes nothing', async () => {
    const user = teamA[0] as TestUser;
    const desktopId = '11111111-1111-4111-8111-111111111111';
    const input = { releaseVersion: version, appliedAt: at(now() - 5 * 60_000), desktopId };
    await api.graphql.ok(REPORT, { input }, { token: user.token });
    const rows = () =>
      sql<{ release_version: number; applied_at: Date }>(
        'SELECT release_version, applied_at FROM desktop_status WHERE user_id = $1 AND desktop_id = $2',
        [user.id, desktopId],
      );
    const first = await rows();
    await api.graphql.ok(REPORT, { input }, { token: user.token });
    await api.graphql.ok(REPORT, { input: { ...input, releaseVersion: version - 1, appliedAt: at(now()) } }, { token: user.token });
    expect(await rows()).toEqual(first);
    expect(first[0]?.release_version).toBe(version);
  });

  it('refuses an unknown release and keeps no other role’s desktop', async () => {
    const operator = teamA[0] as TestUser;
    expect(await api.graphql.errorCode(REPORT, { input: { releaseVersion: 999, appliedAt: at(now()) } }, { token: operator.token })).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await api.graphql.errorCode(REPORT, { input: { releaseVersion: version, appliedAt: 'hier' } }, { token: operator.token }),
    ).toBe('BAD_USER_INPUT');
    const { reportDesktopStatus } = await api.graphql.ok<{ reportDesktopStatus: { recorded: boolean } }>(
      REPORT,
      { input: { releaseVersion: version, appliedAt: at(now()) } },
      { token: manager.token },
    );
    expect(reportDesktopStatus.recorded).toBe(false);
    const kept = await sql('SELECT 1 FROM desktop_status WHERE user_id = $1', [manager.id]);
    expect(kept).toHaveLength(0);
  });

  it('shows a manager their own site only, and an unknown release as BAD_USER_INPUT', async () => {
    const elsewhere = await api.world.newUser(Role.MANAGER, { site: await api.world.newSite() });
    expect(await api.graphql.errorCode(ADOPTION, { version, siteId: place.site.id }, { token: elsewhere.token })).toBe('FORBIDDEN');
    expect(await api.graphql.errorCode(ADOPTION, { version: 999 }, { token: manager.token })).toBe('BAD_USER_INPUT');
    expect(await api.graphql.errorCode(ADOPTION, { version }, { token: (teamA[0] as TestUser).token })).toBe('FORBIDDEN');
  });
});
