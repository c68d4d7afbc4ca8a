import { UserDirectoryService } from '@pepite/api/identity';
import { PepinQueries } from '@pepite/api/pepins';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '@pepite/test-support';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-people';
import pairsFile from '../fixtures/similar-pepin-pairs.json';

/**
 * Recall of "similar pépins" on hand-written near-duplicates (test/fixtures/similar-pepin-pairs.json),
 * among the forty demo pépins: with one side of a pair filed, typing the other must show it in
 * the top 5, whether the operator typed the title and rule key only, or the title and description.
 */
interface Side {
  readonly title: string;
  readonly description: string;
}
interface Pair {
  readonly ruleKey: string;
  readonly a: Side;
  readonly b: Side;
}
const PAIRS: readonly Pair[] = pairsFile.pairs;
const SIMILAR = `query($text: String!, $description: String, $ruleKey: String) {
  similarPepins(text: $text, description: $description, ruleKey: $ruleKey, first: 6) { id reference title score }
}`;
const FILE = `mutation($input: FilePepinInput!) { filePepin(input: $input) { id reference } }`;

let api: TestApi;
let token: string;
const filed: { a: string; b: string }[] = [];

beforeAll(async () => {
  api = await startTestApi();
  await loadDemoData(api.app, () => undefined);
  expect(await api.app.get(UserDirectoryService).findUserByEmail('operator1@pepite.demo')).toBeTruthy();
  token = await api.world.login('operator1@pepite.demo', DEMO_PASSWORD);
}, 300_000);
afterAll(() => api.close());

type Mode = 'title and rule key' | 'title and description';

/** The top 5 while `typed` is being written, the typed pépin itself left out (it would not exist yet). */
async function top5(typed: Side, ruleKey: string, self: string, mode: Mode): Promise<string[]> {
  const variables =
    mode === 'title and rule key' ? { text: typed.title, ruleKey } : { text: typed.title, description: typed.description };
  const data = await api.graphql.ok<{ similarPepins: { id: string }[] }>(SIMILAR, variables, { token });
  return data.similarPepins.map((found) => found.id).filter((id) => id !== self).slice(0, 5);
}

async function recall(mode: Mode): Promise<{ recall: number; missed: string[] }> {
  const missed: string[] = [];
  for (const [index, pair] of PAIRS.entries()) {
    const ids = filed[index] as { a: string; b: string };
    if (!(await top5(pair.a, pair.ruleKey, ids.a, mode)).includes(ids.b)) missed.push(`${pair.a.title} → ${pair.b.title}`);
    if (!(await top5(pair.b, pair.ruleKey, ids.b, mode)).includes(ids.a)) missed.push(`${pair.b.title} → ${pair.a.title}`);
  }
  return { recall: 1 - missed.length / (2 * PAIRS.length), missed };
}

describe('similar pépins on the demo data', () => {
  it('finds the demo pépin on SUBSCRIPTION-001 from the reported searches', async () => {
    const demo = (await api.graphql.ok<{ similarPepins: { title: string }[] }>(
      SIMILAR,
      {
        text: 'Résiliation bloquée par la vérification d’identité',
        description: 'Le client n’a plus accès au numéro où part le SMS de vérification.',
        ruleKey: 'SUBSCRIPTION-001',
      },
      { token },
    )).similarPepins.map((found) => found.title);
    expect(demo).toContain('Résiliation : la confirmation part sur une adresse e-mail que la cliente ne lit pas');
    const short = (await api.graphql.ok<{ similarPepins: { title: string }[] }>(SIMILAR, { text: 'Résiliation impossible' }, { token }))
      .similarPepins.map((found) => found.title);
    expect(short).toContain('Résiliation : la confirmation part sur une adresse e-mail que la cliente ne lit pas');
  });
});

describe('similar pépins on hand-written near-duplicate pairs', () => {
  beforeAll(async () => {
    for (const pair of PAIRS) {
      const ids = { a: '', b: '' };
      for (const side of ['a', 'b'] as const) {
        const data = await api.graphql.ok<{ filePepin: { id: string } }>(
          FILE,
          { input: { ...pair[side], ruleKey: pair.ruleKey, customerImpact: 'MINOR' } },
          { token },
        );
        ids[side] = data.filePepin.id;
      }
      filed.push(ids);
    }
    // As autovacuum would on a live table: the search weighs stems by PostgreSQL's statistics
    // of how common they are, and 86 new rows are more than its threshold of 50.
    await api.app.get(DataSource).query('ANALYZE pepin');
    // An instance reads those statistics again once a minute; the test will not wait for it.
    await api.app.get(PepinQueries).refreshStemShares();
  }, 300_000);

  it('has at least 40 pairs', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
  });

  // Measured (README, "Similar pépins"): before this search weighed the rule and ORed stems,
  // 0.105 from the title (the rule key was not sent) and 0.174 from the title and the
  // description (searched apart, as the console did); then 1.000 and 0.930; since stems are
  // weighed by rarity in a Dice coefficient, 1.000 and 1.000.
  it('surfaces every twin in the top 5 from the title and rule key', async () => {
    const { recall: measured, missed } = await recall('title and rule key');
    process.stdout.write(`similar-pepin recall (title and rule key): ${measured.toFixed(3)}\n`);
    expect(missed).toEqual([]);
  }, 120_000);

  it('surfaces every twin in the top 5 from the title and description, no rule key', async () => {
    const { recall: measured, missed } = await recall('title and description');
    process.stdout.write(`similar-pepin recall (title and description): ${measured.toFixed(3)}\n`);
    expect(missed).toEqual([]);
  }, 120_000);

});
