import { Role } from '@pepite/api/identity';
import { PepinFiling, PepinTriage } from '@pepite/api/pepins';
import { authenticated, startTestApi, type TestApi, type TestUser } from '@pepite/test-support';
import { publishRules } from '../support/pepin-graphql';

/**
 * The queue as a manager lands on it (issue 15, §3): "Échéance la plus proche" puts what awaits
 * acknowledgement first, most overdue first, and the text search and category filter narrow it.
 */
let api: TestApi;
let operator: TestUser;
let manager: TestUser;
const HOUR = 3_600_000;
const ids: Record<string, string> = {};
const references: Record<string, string> = {};

const QUEUE = `query($filter: PepinFilter, $orderBy: PepinOrder!, $first: Int!, $after: String) {
  pepins(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id reference status overdue } }
  }
}`;

interface Page {
  pepins: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; reference: string; status: string; overdue: boolean } }[];
  };
}

async function queue(filter: Record<string, unknown>, first = 50, after: string | null = null): Promise<Page['pepins']> {
  return (await api.graphql.ok<Page>(QUEUE, { filter, orderBy: 'ACK_DUE_SOONEST', first, after }, { token: manager.token }))
    .pepins;
}

const nameOf = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0];

beforeAll(async () => {
  api = await startTestApi();
  const site = await api.world.newSite();
  operator = await api.world.newUser(Role.OPERATOR, { site });
  manager = await api.world.newUser(Role.MANAGER, { site });
  await publishRules(api, ['REFUND-001'], 'Remboursements');
  await publishRules(api, ['DELIVERY-001'], 'Livraisons');
  const filing = api.app.get(PepinFiling);
  const now = Date.now();
  // Filed in this order; the SLA is 72 h, so filing time decides the due date.
  const plan: [string, number, string, string, string][] = [
    ['ackedLongAgo', 200, 'Remboursement refusé sans justificatif', 'Le client a perdu sa facture papier.', 'REFUND-001'],
    ['overdueOld', 150, 'Livraison en retard au point relais', 'Le colis attend depuis une semaine, personne ne répond.', 'DELIVERY-001'],
    ['ackedRecent', 100, 'Colis abîmé à la réception', 'Le carton était déchiré et le produit rayé.', 'DELIVERY-001'],
    ['overdueNew', 80, 'Remboursement partiel contesté', 'La cliente conteste le montant calculé par l’outil.', 'REFUND-001'],
    ['fresh', 1, 'Échange impossible sans ticket', 'Le client n’a plus le ticket de caisse et veut échanger.', 'REFUND-001'],
  ];
  for (const [name, hoursAgo, title, description, ruleKey] of plan) {
    const view = await filing.filePepin(
      authenticated(operator),
      { title, description, ruleKey },
      { at: new Date(now - hoursAgo * HOUR) },
    );
    ids[name] = view.id;
    references[name] = view.reference;
  }
  const triage = api.app.get(PepinTriage);
  await triage.acknowledgePepin(authenticated(manager), ids.ackedLongAgo as string);
  await triage.acknowledgePepin(authenticated(manager), ids.ackedRecent as string);
});
afterAll(() => api.close());

describe('"Échéance la plus proche"', () => {
  it('lists what awaits acknowledgement first, most overdue first, then the rest by due date', async () => {
    const page = await queue({});
    expect(page.edges.map((edge) => nameOf(edge.node.id))).toEqual([
      'overdueOld',
      'overdueNew',
      'fresh',
      'ackedLongAgo',
      'ackedRecent',
    ]);
  });

  it('pages across the boundary between awaiting and acknowledged without losing or repeating a row', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page['pepins'] = await queue({}, 2, after);
      seen.push(...page.edges.map((edge) => nameOf(edge.node.id) as string));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['overdueOld', 'overdueNew', 'fresh', 'ackedLongAgo', 'ackedRecent']);
  });

  it('gives the landing view (NEW) the overdue ones on top', async () => {
    const page = await queue({ statuses: ['NEW'] });
    expect(page.edges.map((edge) => [nameOf(edge.node.id), edge.node.overdue])).toEqual([
      ['overdueOld', true],
      ['overdueNew', true],
      ['fresh', false],
    ]);
  });
});

describe('text search and category', () => {
  it.each([
    ['remboursement', ['ackedLongAgo', 'overdueNew']],
    ['REMBOURS', ['ackedLongAgo', 'overdueNew']],
    ['echange ticket', ['fresh']],
    ['carton déchiré', ['ackedRecent']],
    ['relais semaine', ['overdueOld']],
    ['introuvable', []],
    ['a&b | !c:* <->', []],
  ])('finds %p in titles and descriptions (stems, accents ignored, every word)', async (search, expected) => {
    const page = await queue({ search });
    expect(page.edges.map((edge) => nameOf(edge.node.id)).sort()).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  it('finds a pépin by its reference, with or without the prefix and zeros', async () => {
    const reference = references.overdueNew as string;
    const number = String(Number(reference.replace(/\D/g, '')));
    for (const search of [reference, reference.toLowerCase(), number]) {
      const page = await queue({ search });
      expect(page.edges.map((edge) => edge.node.reference)).toContain(reference);
    }
  });

  it('filters by the rule category, whatever its case, with the search', async () => {
    expect((await queue({ category: 'livraisons' })).edges.map((edge) => nameOf(edge.node.id)).sort()).toEqual(
      ['ackedRecent', 'overdueOld'].sort(),
    );
    expect((await queue({ category: 'Livraisons', search: 'colis rayé' })).edges.map((edge) => nameOf(edge.node.id))).toEqual([
      'ackedRecent',
    ]);
    expect((await queue({ category: 'Remboursements', search: 'colis' })).totalCount).toBe(0);
  });

  it('refuses a search over 200 characters as bad input', async () => {
    const code = await api.graphql.errorCode(QUEUE, { filter: { search: 'x'.repeat(201) }, orderBy: 'ACK_DUE_SOONEST', first: 5 }, {
      token: manager.token,
    });
    expect(code).toBe('BAD_USER_INPUT');
  });
});
