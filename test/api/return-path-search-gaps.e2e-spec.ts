import { Clock } from '@pepite/api/database';
import { Role } from '@pepite/api/identity';
import { ReturnPathRetention } from '@pepite/api/return-path';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { DataSource } from 'typeorm';

/**
 * Search gaps (issue 19): counted per site and day with no person, the top and its trend
 * checked against planted rows, one click to a "no rule covers this" pépin, and the purge.
 */

const REPORT = `mutation($input: ReportSearchGapsInput!) { reportSearchGaps(input: $input) { counted } }`;
const TOP = `query($siteId: ID) { searchGaps(siteId: $siteId) { from to trendDays searches { query total recent previous days { day searches } } } }`;
const FILE = `mutation($input: FileSearchGapPepinInput!) { fileSearchGapPepin(input: $input) { id reference title } }`;

interface Gaps {
  from: string;
  to: string;
  trendDays: number;
  searches: { query: string; total: number; recent: number; previous: number; days: { day: string; searches: number }[] }[];
}

let api: TestApi;
let operator: TestUser;
let manager: TestUser;

beforeAll(async () => {
  api = await startTestApi({ SEARCH_GAP_RETENTION_DAYS: '90', DESKTOP_STATUS_RETENTION_DAYS: '30' });
  operator = await api.world.newUser(Role.OPERATOR);
  manager = await api.world.newUser(Role.MANAGER);
});
afterAll(() => api.close());

const sql = <T = unknown>(text: string, values: unknown[] = []): Promise<T[]> => api.app.get(DataSource).query(text, values);
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(api.app.get(Clock).now());
const dayBefore = (days: number) => {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};
const gaps = async () => (await api.graphql.ok<{ searchGaps: Gaps }>(TOP, {}, { token: manager.token })).searchGaps;

describe('search gaps', () => {
  it('counts normalised searches per site and day, and keeps no person', async () => {
    const { reportSearchGaps } = await api.graphql.ok<{ reportSearchGaps: { counted: number } }>(
      REPORT,
      { input: { queries: ['Résiliation DÉCÈS ', 'résiliation décès', 'a', 'appeler le 06 12 34 56 78'] } },
      { token: operator.token },
    );
    // Folded alike, the first two are one search; "a" says nothing.
    expect(reportSearchGaps.counted).toBe(2);
    const rows = await sql<{ day: string; query: string; searches: number }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, query, searches FROM search_gap WHERE site_id = $1 ORDER BY query",
      [operator.siteId],
    );
    expect(rows).toEqual([
      { day: today(), query: 'appeler le #', searches: 1 },
      { day: today(), query: 'resiliation deces', searches: 1 },
    ]);
    // No column could hold who searched.
    const columns = await sql<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'search_gap'");
    expect(columns.map((column) => column.column_name).sort()).toEqual(['day', 'query', 'searches', 'site_id']);
  });

  it('ranks the top searches of 30 days with their trend, as planted', async () => {
    const plant = (day: string, query: string, searches: number) =>
      sql('INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, $2, $3, $4)', [manager.siteId, day, query, searches]);
    await plant(dayBefore(1), 'carte cadeau expiree', 5);
    await plant(dayBefore(10), 'carte cadeau expiree', 2);
    await plant(dayBefore(8), 'demenagement a l etranger', 6);
    await plant(dayBefore(2), 'demenagement a l etranger', 2);
    // Older than 30 days: left out of the top (kept until the retention).
    await plant(dayBefore(45), 'vieux sujet', 50);
    const answer = await gaps();
    expect(answer.to).toBe(today());
    expect(answer.from).toBe(dayBefore(29));
    const byQuery = new Map(answer.searches.map((row) => [row.query, row]));
    expect(answer.searches[0]?.query).toBe('demenagement a l etranger');
    expect(byQuery.get('demenagement a l etranger')).toMatchObject({ total: 8, recent: 2, previous: 6 });
    expect(byQuery.get('carte cadeau expiree')).toMatchObject({
      total: 7,
      // 1 day ago is in the last 7 days; 10 days ago in the 7 before.
      recent: 5,
      previous: 2,
      days: [
        { day: dayBefore(10), searches: 2 },
        { day: dayBefore(1), searches: 5 },
      ],
    });
    expect(byQuery.has('vieux sujet')).toBe(false);
  });

  it('turns a search into a signed "no rule covers this" pépin in one click, once', async () => {
    const { fileSearchGapPepin } = await api.graphql.ok<{ fileSearchGapPepin: { id: string; title: string } }>(
      FILE,
      { input: { query: 'carte cadeau expiree' } },
      { token: manager.token },
    );
    expect(fileSearchGapPepin.title).toContain('carte cadeau expiree');
    const again = await api.graphql.ok<{ fileSearchGapPepin: { id: string } }>(FILE, { input: { query: 'carte cadeau expiree' } }, { token: manager.token });
    expect(again.fileSearchGapPepin.id).toBe(fileSearchGapPepin.id);
    const { pepin } = await api.graphql.ok<{ pepin: { noRuleApplies: boolean; status: string; signed: boolean } }>(
      'query($id: ID!) { pepin(id: $id) { noRuleApplies status signed } }',
      { id: fileSearchGapPepin.id },
      { token: manager.token },
    );
    expect(pepin).toEqual({ noRuleApplies: true, status: 'NEW', signed: true });
    expect(await api.graphql.errorCode(FILE, { input: { query: 'jamais cherché' } }, { token: manager.token })).toBe('NOT_FOUND');
    expect(await api.graphql.errorCode(FILE, { input: { query: 'carte cadeau expiree' } }, { token: operator.token })).toBe('FORBIDDEN');
  });

  it('purges what is older than the retention', async () => {
    await sql('INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, $2, $3, 1)', [manager.siteId, dayBefore(100), 'tres ancien']);
    await sql(
      `INSERT INTO desktop_status (user_id, desktop_id, site_id, team_id, release_version, applied_at, reported_at)
       VALUES ($1, $1, $2, NULL, 1, now() - interval '40 days', now() - interval '40 days'),
              ($3, $3, $2, NULL, 1, now() - interval '1 day', now() - interval '1 day')`,
      [operator.id, operator.siteId, manager.id],
    );
    const purged = await api.app.get(ReturnPathRetention).purge();
    expect(purged.searchGapRows).toBe(1);
    expect(purged.desktopRows).toBe(1);
    expect(await sql("SELECT 1 FROM search_gap WHERE query = 'tres ancien'")).toHaveLength(0);
    // 45 days old, within 90: kept.
    expect(await sql("SELECT 1 FROM search_gap WHERE query = 'vieux sujet'")).toHaveLength(1);
    expect((await sql<{ user_id: string }>('SELECT user_id FROM desktop_status')).map((row) => row.user_id)).toEqual([manager.id]);
  });

  it('never shows a search typed on one day only (a customer’s name): not listed, not fileable, as if never made', async () => {
    const colleague = await api.world.newUser(Role.OPERATOR);
    // Five desktops type the same name the same day: still one day, below SEARCH_GAP_MIN_DAYS (2).
    for (const token of [operator.token, colleague.token, operator.token, colleague.token, operator.token]) {
      await api.graphql.ok(REPORT, { input: { queries: ['Jean-Pierre Dupuis-Martin'] } }, { token });
    }
    expect((await gaps()).searches.map((row) => row.query)).not.toContain('jean pierre dupuis martin');
    const never = await api.graphql.request(FILE, { input: { query: 'Marie-Claude Inconnue' } }, { token: manager.token });
    const typed = await api.graphql.request(FILE, { input: { query: 'Jean-Pierre Dupuis-Martin' } }, { token: manager.token });
    expect(JSON.stringify(typed)).toBe(JSON.stringify(never).replace('Marie-Claude Inconnue', 'Jean-Pierre Dupuis-Martin'));
    expect(typed.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // Searched again on another day, three times in all: now it is a gap of the site.
    await sql('INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, $2, $3, 1)', [operator.siteId, dayBefore(3), 'jean pierre dupuis martin']);
    expect((await gaps()).searches.map((row) => row.query)).toContain('jean pierre dupuis martin');
  });

  it('lets a manager erase a search, with the same answer whether it was recorded or not', async () => {
    const ERASE = `mutation($input: EraseSearchGapInput!) { eraseSearchGap(input: $input) { erased } }`;
    expect((await gaps()).searches.map((row) => row.query)).toContain('jean pierre dupuis martin');
    const erased = await api.graphql.request(ERASE, { input: { query: 'Jean-Pierre Dupuis-Martin' } }, { token: manager.token });
    const never = await api.graphql.request(ERASE, { input: { query: 'Personne Jamais Cherchée' } }, { token: manager.token });
    expect(erased.data).toEqual({ eraseSearchGap: { erased: true } });
    expect([never.status, never.data, never.errors]).toEqual([erased.status, erased.data, erased.errors]);
    expect((await gaps()).searches.map((row) => row.query)).not.toContain('jean pierre dupuis martin');
    expect(await sql("SELECT 1 FROM search_gap WHERE query = 'jean pierre dupuis martin'")).toHaveLength(0);
    expect(await api.graphql.errorCode(ERASE, { input: { query: 'carte cadeau expiree' } }, { token: operator.token })).toBe('FORBIDDEN');
  });

  it('purges acknowledgements past their retention, and superseded ones once off the desktops', async () => {
    const now = api.app.get(Clock).now().getTime();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    const plant = (userId: string, release: number, rule: string, at: Date) =>
      sql('INSERT INTO rule_acknowledgement (user_id, release_version, rule_key, site_id, acknowledged_at) VALUES ($1, $2, $3, $4, $5)', [
        userId,
        release,
        rule,
        operator.siteId,
        at,
      ]);
    await plant(operator.id, 1, 'ACK-OLD', daysAgo(400)); // past ACKNOWLEDGEMENT_RETENTION_DAYS (365): deleted
    await plant(operator.id, 2, 'ACK-KEPT', daysAgo(200)); // within it, never superseded: kept
    await plant(operator.id, 3, 'ACK-SUP', daysAgo(60)); // superseded by release 5, off the desktops: deleted
    await plant(operator.id, 5, 'ACK-SUP', daysAgo(40));
    await plant(operator.id, 6, 'ACK-NEW', daysAgo(5)); // superseded by release 7 but still on the desktops: kept
    await plant(operator.id, 7, 'ACK-NEW', daysAgo(1));
    await plant(manager.id, 4, 'ACK-SUP', daysAgo(60)); // another person's later acknowledgement supersedes nothing of theirs
    const purged = await api.app.get(ReturnPathRetention).purge();
    expect(purged.acknowledgementRows).toBe(2);
    const left = await sql<{ user_id: string; release_version: number; rule_key: string }>(
      'SELECT user_id, release_version, rule_key FROM rule_acknowledgement ORDER BY release_version',
    );
    expect(left).toEqual([
      { user_id: operator.id, release_version: 2, rule_key: 'ACK-KEPT' },
      { user_id: manager.id, release_version: 4, rule_key: 'ACK-SUP' },
      { user_id: operator.id, release_version: 5, rule_key: 'ACK-SUP' },
      { user_id: operator.id, release_version: 6, rule_key: 'ACK-NEW' },
      { user_id: operator.id, release_version: 7, rule_key: 'ACK-NEW' },
    ]);
  });

  it('refuses bad input with a clear code and an operator the managers’ view', async () => {
    expect(await api.graphql.errorCode(REPORT, { input: { queries: [] } }, { token: operator.token })).toBe('BAD_USER_INPUT');
    expect(await api.graphql.errorCode(TOP, {}, { token: operator.token })).toBe('FORBIDDEN');
  });
});
