import fc from 'fast-check';
import { Role, type SiteEntity, type TeamEntity } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { normaliseSearchGap } from '@pepite/text-folding';
import { DataSource } from 'typeorm';

/*
 * Property (issue 19, SECURITY.md "Customer names"): a search typed on one day only — a
 * customer's name looked up during a call — never reaches a manager, whoever and however many
 * typed it that day (up to SEARCH_GAP_MIN_SEARCHES − 1 desktops). Each run plants the same
 * recurring gaps on two fresh sites; on the first, operators also type a name; on the second,
 * nobody does. Every read and action a manager has on search gaps (`searchGaps`, filing the
 * name as a pépin, erasing it) must answer the same on both, once the site's ids are placeholders.
 *
 * Reproduce: FC_SEED=<seed> [FC_RUNS=n] npx jest --selectProjects e2e --runTestsByPath test/api/anonymity-search-gap-names.e2e-spec.ts
 */

const OPERATORS = 3;
const TOPICS = ['carte cadeau expiree', 'demenagement a l etranger', 'client sous tutelle', 'colis vole point relais'];
const NAMES = ['Jean-Pierre Dupuis', 'Mme Keller Anne-Sophie', 'Lefèvre Mathéo', 'Nguyen Thi Lan'];
const REPORT = `mutation($input: ReportSearchGapsInput!) { reportSearchGaps(input: $input) { counted } }`;
const TOP = `{ searchGaps { from to trendDays searches { query total recent previous days { day searches } } } }`;
const FILE = `mutation($input: FileSearchGapPepinInput!) { fileSearchGapPepin(input: $input) { title } }`;
const ERASE = `mutation($input: EraseSearchGapInput!) { eraseSearchGap(input: $input) { erased } }`;

interface World {
  site: { site: SiteEntity; team: TeamEntity };
  operators: TestUser[];
  manager: TestUser;
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi(); // the default threshold: 2 distinct days, 3 searches
});
afterAll(() => api.close());

async function newWorld(): Promise<World> {
  const site = await api.world.newSite();
  const operators: TestUser[] = [];
  for (let i = 0; i < OPERATORS; i++) operators.push(await api.world.newUser(Role.OPERATOR, { site }));
  return { site, operators, manager: await api.world.newUser(Role.MANAGER, { site }) };
}

const scenario = fc.record({
  // Recurring gaps planted on past days (some above the threshold, some not).
  planted: fc.array(fc.record({ topic: fc.constantFrom(...TOPICS), daysAgo: fc.integer({ min: 1, max: 20 }), searches: fc.integer({ min: 1, max: 4 }) }), {
    maxLength: 8,
  }),
  name: fc.constantFrom(...NAMES),
  // Which operators type the name today (each desktop counts it once a day).
  typedBy: fc.subarray([0, 1], { minLength: 1 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function plant(world: World, run: Scenario): Promise<void> {
  for (const { topic, daysAgo, searches } of run.planted) {
    await api.app.get(DataSource).query(
      `INSERT INTO search_gap (site_id, day, query, searches) VALUES ($1, current_date - $2::int, $3, $4)
       ON CONFLICT (site_id, day, query) DO UPDATE SET searches = search_gap.searches + EXCLUDED.searches`,
      [world.site.site.id, daysAgo, topic, searches],
    );
  }
}

async function managerView(world: World, name: string): Promise<string> {
  const transcript = [
    await api.graphql.request(TOP, {}, { token: world.manager.token }),
    await api.graphql.request(FILE, { input: { query: name } }, { token: world.manager.token }),
    await api.graphql.request(ERASE, { input: { query: name } }, { token: world.manager.token }),
    await api.graphql.request(TOP, {}, { token: world.manager.token }),
  ];
  return JSON.stringify(transcript).split(world.site.site.id).join('<site>').split(world.manager.id).join('<manager>');
}

it('never lets a manager learn that a name was typed on one day', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (run) => {
      const typed = await newWorld();
      const untouched = await newWorld();
      await plant(typed, run);
      await plant(untouched, run);
      for (const index of run.typedBy) {
        const operator = typed.operators[index] as TestUser;
        await api.graphql.ok(REPORT, { input: { queries: [run.name] } }, { token: operator.token });
      }
      const seen = await managerView(typed, run.name);
      expect(seen).toBe(await managerView(untouched, run.name));
      expect(seen).not.toContain(normaliseSearchGap(run.name));
    }),
    { numRuns: Number(process.env['FC_RUNS'] ?? 6), seed: process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined },
  );
});
