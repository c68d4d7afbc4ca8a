import fc from 'fast-check';
import { Role, type SiteEntity, type TeamEntity } from '@pepite/api/identity';
import { startTestApi, type TestApi, type TestUser } from '@pepite/test-support';

/*
 * Property (issue 19, SECURITY.md "Data the desktops send back"): a manager can never learn
 * who searched. Each run plays one random sequence of unanswered searches twice, on two
 * fresh sites: in the second, each search of operator i is made by σ(i) for a random
 * permutation σ of the operators. Then every read a manager has on search gaps
 * (`searchGaps`, and turning one into a pépin) must give the same answer in both worlds once
 * the site's own ids are placeholders, and no answer may carry an operator's id, e-mail or name.
 *
 * Reproduce: FC_SEED=<seed> [FC_RUNS=n] npx jest --selectProjects e2e --runTestsByPath test/api/anonymity-search-gaps.e2e-spec.ts
 */

const OPERATORS = 3;
const WORDS = ['remboursement', 'deces', 'carte', 'cadeau', 'demenagement', 'etranger', 'tutelle', 'succession'];
const REPORT = `mutation($input: ReportSearchGapsInput!) { reportSearchGaps(input: $input) { counted } }`;
const TOP = `{ searchGaps { from to trendDays searches { query total recent previous days { day searches } } } }`;
const FILE = `mutation($input: FileSearchGapPepinInput!) { fileSearchGapPepin(input: $input) { title } }`;

interface World {
  site: { site: SiteEntity; team: TeamEntity };
  operators: TestUser[];
  manager: TestUser;
  transcript: unknown[];
}

let api: TestApi;
beforeAll(async () => {
  // Every search shown at once: the threshold that hides one-off searches (a customer's name,
  // anonymity-search-gap-names.e2e-spec.ts) would otherwise hide everything this plays on one day.
  api = await startTestApi({ SEARCH_GAP_MIN_DAYS: '1', SEARCH_GAP_MIN_SEARCHES: '1' });
});
afterAll(() => api.close());

async function newWorld(): Promise<World> {
  const site = await api.world.newSite();
  const operators: TestUser[] = [];
  for (let i = 0; i < OPERATORS; i++) operators.push(await api.world.newUser(Role.OPERATOR, { site }));
  return { site, operators, manager: await api.world.newUser(Role.MANAGER, { site }), transcript: [] };
}

const query = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const scenario = fc.record({
  permutation: fc.shuffledSubarray([0, 1, 2], { minLength: OPERATORS, maxLength: OPERATORS }),
  searches: fc.array(fc.record({ by: fc.nat({ max: OPERATORS - 1 }), queries: fc.array(query, { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  fileIndex: fc.nat(),
});

async function play(world: World, run: Scenario, sigma: (i: number) => number): Promise<void> {
  for (const search of run.searches) {
    const by = world.operators[sigma(search.by)] as TestUser;
    // The answer to the desktop must not depend on who searched either.
    world.transcript.push(await api.graphql.request(REPORT, { input: { queries: search.queries } }, { token: by.token }));
  }
  const top = await api.graphql.request<{ searchGaps: { searches: { query: string }[] } }>(TOP, {}, { token: world.manager.token });
  world.transcript.push(top);
  const listed = top.data?.searchGaps.searches ?? [];
  const chosen = listed[run.fileIndex % Math.max(1, listed.length)]?.query ?? 'rien';
  world.transcript.push(await api.graphql.request(FILE, { input: { query: chosen } }, { token: world.manager.token }));
}
type Scenario = { permutation: number[]; searches: { by: number; queries: string[] }[]; fileIndex: number };

function placeholders(world: World, value: unknown): string {
  let text = JSON.stringify(value);
  text = text.split(world.site.site.id).join('<site>').split(world.manager.id).join('<manager>');
  return text;
}

it('never lets a manager learn which operator searched', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (run) => {
      const one = await newWorld();
      const two = await newWorld();
      await play(one, run, (i) => i);
      await play(two, run, (i) => run.permutation[i] as number);
      for (const world of [one, two]) {
        const text = JSON.stringify(world.transcript.slice(run.searches.length));
        for (const operator of world.operators) {
          expect(text).not.toContain(operator.id);
          expect(text).not.toContain(operator.email);
          expect(text).not.toContain(operator.displayName);
        }
      }
      expect(placeholders(two, two.transcript)).toBe(placeholders(one, one.transcript));
    }),
    { numRuns: Number(process.env['FC_RUNS'] ?? 6), seed: process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : undefined },
  );
});
